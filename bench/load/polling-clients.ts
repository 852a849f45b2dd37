import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PollingClientsOptions {
  readonly base: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Each client cycles through these paths, one request per period. */
  readonly paths: readonly string[];
  readonly clients: number;
  readonly periodMs: number;
  readonly seconds: number;
  /** How each client's first poll is placed in the first period. */
  readonly phases: 'spread' | 'in-step';
}

export interface PollingResult {
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
}

/**
 * Clients that poll as the admin UI and V1 do: each on its own kept-alive connection, one
 * request per period on a fixed schedule. The schedule is open: a late answer does not move the
 * next poll, and latency is measured from when the poll was due, so a slow host cannot hide its
 * queue (coordinated omission). `spread` starts each client at a random point of the first
 * period, as independent clients are; `in-step` starts them all at once, the worst case.
 */
export async function runPollingClients(options: PollingClientsOptions): Promise<PollingResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const endsAt = started + options.seconds * 1000;

  const client = async (index: number): Promise<void> => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const offset = options.phases === 'spread' ? Math.random() * options.periodMs : 0;
    try {
      for (let poll = 0; ; poll += 1) {
        const due = started + offset + poll * options.periodMs;
        if (due >= endsAt) return;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const path = options.paths[(index + poll) % options.paths.length]!;
        const ok = await get(agent, `${options.base}${path}`, options.headers);
        latencies.push(performance.now() - due);
        if (!ok) errors += 1;
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));

  latencies.sort((a, b) => a - b);
  const at = (quantile: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] ?? NaN;
  return { requests: latencies.length, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN, errors };
}

/** One GET, its body read to the end; true for a 2xx answer. */
function get(agent: http.Agent, url: string, headers: Readonly<Record<string, string>>): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers, timeout: 10_000 }, (response) => {
      response.resume();
      response.once('end', () => resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300));
      response.once('error', () => resolve(false));
    });
    request.once('timeout', () => request.destroy(new Error('timed out')));
    request.once('error', () => resolve(false));
  });
}
