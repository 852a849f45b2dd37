import { UnavailableError } from '../errors/domain-error.js';

/** Content-addressed storage of bytes (evidence, templates, archives, artifacts), keyed by sha256. */
export interface BlobStore {
  /** Stores the bytes and answers their sha256; storing the same bytes twice stores them once. */
  put(bytes: Buffer): Promise<string>;
  /**
   * Stores a file's content without holding it in memory (an upload the HTTP layer wrote to
   * disk) and answers its sha256; the file itself is left where it is.
   */
  putFile(file: string): Promise<string>;
  /** `undefined` when no blob has that digest. */
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const BLOB_STORE_FULL = 'BLOB_STORE_FULL';

/** The store has no room for the bytes: an operational failure, so a job retries once space is freed. */
export function blobStoreFull(): UnavailableError {
  return new UnavailableError(BLOB_STORE_FULL, 'The blob store is out of space; nothing was stored');
}
