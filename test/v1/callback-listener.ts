import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceivedCallback {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly answered: number;
}

/** A receiver on 127.0.0.1 that records every POST and answers the next status of its script (then 200). */
export interface CallbackListener {
  readonly url: string;
  readonly received: ReceivedCallback[];
  /** Statuses to answer next, in order; 0 drops the connection without an answer. */
  answerNext(...statuses: number[]): void;
  waitFor(predicate: (received: readonly ReceivedCallback[]) => boolean, timeoutMs?: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

export async function startCallbackListener(): Promise<CallbackListener> {
  const received: ReceivedCallback[] = [];
  const script: number[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = script.shift() ?? 200;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered: status });
      if (status === 0) {
        request.socket.destroy();
        return;
      }
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/repogen`,
    received,
    answerNext: (...statuses) => script.push(...statuses),
    async waitFor(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`The listener did not receive what was awaited; it has ${received.length} callbacks`);
        await sleep(100);
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
