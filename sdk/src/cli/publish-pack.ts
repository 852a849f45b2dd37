import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PublishResult {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Uploads an archive's bytes to a host's `POST /v1/packs` in chunks, reporting progress; the
 * host answers 201 (stored as a draft), 200 (the same digest was there), or an error shape.
 * It rejects only when the host cannot be reached.
 */
export async function publishPack(
  bytes: Buffer,
  options: { host: string; token: string; onProgress?: (sent: number, total: number) => void },
): Promise<PublishResult> {
  const url = new URL('/v1/packs', options.host);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PublishResult>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/octet-stream',
          'content-length': bytes.length,
        },
        timeout: 120_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // a non-JSON answer (a proxy's error page) is reported as text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('the host did not answer within 120 s')));
    req.on('error', reject);
    const chunkSize = 64 * 1024;
    let sent = 0;
    const writeNext = () => {
      while (sent < bytes.length) {
        const chunk = bytes.subarray(sent, sent + chunkSize);
        sent += chunk.length;
        options.onProgress?.(sent, bytes.length);
        if (!req.write(chunk)) return void req.once('drain', writeNext);
      }
      req.end();
    };
    writeNext();
  });
}

/** A one-line progress bar for a terminal: `[#########-----------]  45% 1.2/2.6 MB`. */
export function progressBar(sent: number, total: number, width = 30): string {
  const ratio = total === 0 ? 1 : sent / total;
  const filled = Math.round(ratio * width);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${mb(sent)}/${mb(total)} MB`;
}
