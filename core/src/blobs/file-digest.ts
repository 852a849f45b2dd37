import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The sha256 of a file's content, read as a stream. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
