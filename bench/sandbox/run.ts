/**
 * Sandbox overhead: the median time of a warm `compute` of the SBI pack's fixture through the
 * sandbox (child process + isolated-vm), beside the same bundled logic called in-process (the
 * two timed alternately, sample by sample), and a cold call (a new isolate). Prints the ratio
 * to the in-process baseline of this same run, and the same call in-process in a new context:
 * the sandbox gives each call a fresh context so that no state carries from one call to the
 * next, and that alone makes the pack's code run cold; the rest is the sandbox's own cost.
 *
 *   npm run bench:sandbox            targets: warm ≤ 2 ms, ≤ 5× in-process; cold ≤ 50 ms
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { createPackSandbox } from '@repogen/core';
import {
  buildPack,
  discoverFixtures,
  DEFAULT_FIXTURE_NOW,
  PACK_GLOBAL,
  sha256,
  type ComputeRequest,
  type PackGlobal,
} from '@repogen/sdk';

const PACK_DIR = fileURLToPath(new URL('../../template-packs/sbi-under-5cr-v1', import.meta.url));
const WARMUP = 200;
const SAMPLES = 2000;
const COLD_SAMPLES = 20;
const FRESH_SAMPLES = 300;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeEach(count: number, call: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times;
}

/** The same bundle in a plain context of this process: what the logic costs without the sandbox. */
function inProcess(script: vm.Script): PackGlobal {
  const context = vm.createContext({});
  script.runInContext(context);
  const pack = (context as Record<string, unknown>)[PACK_GLOBAL];
  if (!pack) throw new Error('the bundle did not define its global');
  return pack as PackGlobal;
}

async function main(): Promise<void> {
  const built = await buildPack(PACK_DIR, { write: false });
  const logic = built.files.get('logic.js')!.toString('utf8');
  const [fixture] = discoverFixtures(built.files);
  if (!fixture) throw new Error('the SBI pack has no fixture');
  const request: ComputeRequest = {
    input: fixture.input,
    now: fixture.expected.now ?? DEFAULT_FIXTURE_NOW,
    ...(fixture.expected.settings ? { settings: fixture.expected.settings } : {}),
  };
  const requestJson = JSON.stringify(request);

  const script = new vm.Script(logic);
  const local = inProcess(script);
  const localCall = () => JSON.parse(local.invoke('compute', requestJson)) as unknown;

  const sandbox = createPackSandbox();
  try {
    const ref = {
      key: built.manifest.key,
      version: built.manifest.version,
      tenantId: null,
      logic,
      digest: sha256(logic),
    };
    const sandboxCall = () => sandbox.call(ref, 'bench', 'compute', request);
    // Sample by sample in turn, so that the machine's other work weighs on both alike.
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      for (const [index, call] of [localCall, sandboxCall].entries()) {
        const start = performance.now();
        await call();
        if (i >= WARMUP) times[index]!.push(performance.now() - start);
      }
    }
    const [inProcessMs, warmMs] = times.map(median) as [number, number];
    // The sandbox's isolation without the sandbox: in a context made for the call (not timed),
    // the pack's code runs cold, as it does in the sandbox's fresh context per call.
    const freshTimes: number[] = [];
    for (let i = 0; i < FRESH_SAMPLES; i++) {
      const pack = inProcess(script);
      const start = performance.now();
      JSON.parse(pack.invoke('compute', requestJson));
      freshTimes.push(performance.now() - start);
    }
    const freshMs = median(freshTimes);
    // A new caller tenant never gets another tenant's warm isolate: each is a cold start.
    let tenant = 0;
    const coldMs = median(
      await timeEach(COLD_SAMPLES, () => sandbox.call(ref, `cold-${tenant++}`, 'compute', request)),
    );

    const ratio = warmMs / inProcessMs;
    const rows = [
      ['in-process (baseline)', inProcessMs, ''],
      [
        'in-process, new context',
        freshMs,
        'the same call in a new context, as the sandbox makes one per call (no target)',
      ],
      ['sandbox, warm', warmMs, `target ≤ 2 ms and ≤ 5× → ${warmMs <= 2 && ratio <= 5 ? 'met' : 'MISSED'}`],
      ['sandbox, cold isolate', coldMs, `target ≤ 50 ms → ${coldMs <= 50 ? 'met' : 'MISSED'}`],
    ] as const;
    process.stdout.write(
      `bench/sandbox: ${built.manifest.key}@${built.manifest.version}, fixture "${fixture.name}", ${SAMPLES} warm samples\n`,
    );
    for (const [label, ms, note] of rows)
      process.stdout.write(`  ${label.padEnd(25)} median ${ms.toFixed(3).padStart(8)} ms  ${note}\n`);
    process.stdout.write(`  ratio sandbox/in-process: ${ratio.toFixed(2)}×\n`);
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench/sandbox failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
