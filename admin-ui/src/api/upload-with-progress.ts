import { ApiError } from './api-error';

export interface UploadRequest {
  readonly url: string;
  readonly body: FormData | Blob;
  readonly contentType?: string;
  /** 0…1 as the bytes leave the browser. */
  readonly onProgress: (fraction: number) => void;
}

/** fetch() cannot report upload progress; XMLHttpRequest's upload events can. */
export function uploadWithProgress<T>(request: UploadRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (request.contentType) xhr.setRequestHeader('content-type', request.contentType);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The host could not be reached'));
    xhr.onload = () => {
      let body: { code?: string; message?: string; details?: Record<string, unknown> } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = { message: xhr.responseText.slice(0, 200) };
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress(1);
        resolve(body as T);
      } else {
        reject(new ApiError(xhr.status, body.code ?? `HTTP_${xhr.status}`, body.message ?? xhr.statusText, body.details));
      }
    };
    xhr.send(request.body);
  });
}
