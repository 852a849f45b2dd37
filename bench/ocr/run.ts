/**
 * OCR speed: the median seconds per image of the prepared pipeline (upright, overlay band or
 * screenshot preparation, tesseract.js with a warm worker, extraction) beside the native
 * `tesseract` CLI reading the same whole images, and their ratio, on the labelled set in
 * test/fixtures/ocr. Also prints field accuracy of both (the native reading goes through the
 * same extraction).
 *
 *   node --no-node-snapshot --import tsx bench/ocr/run.ts     targets: ≤ 0.6 s per GPS photo, ratio ≤ 0.75
 *
 * The native engine comes from Debian (`apt-get install tesseract-ocr`); without it only the
 * pipeline is measured.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTesseractEngine, extractFields, extractorFor, readEvidenceImage } from '@repogen/core';
import type { OcrLine } from '@repogen/sdk';

const run = promisify(execFile);
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ocr', import.meta.url));
const ROUNDS = 3;

interface Truth {
  readonly file: string;
  readonly kind: string;
  readonly fields: Readonly<Record<string, number | string>>;
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function agrees(name: string, expected: number | string, actual: number | string | undefined): boolean {
  if (typeof expected === 'number' && typeof actual === 'number' && (name === 'lat' || name === 'long'))
    return Math.abs(expected - actual) <= 1e-5;
  return expected === actual;
}

async function nativeVersion(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--version']);
    return `${stdout}${stderr}`.split('\n')[0];
  } catch {
    return undefined;
  }
}

/** The native CLI on the whole image, as a user would run it; its text split into lines at full confidence. */
async function readNative(file: string): Promise<OcrLine[]> {
  const { stdout } = await run('tesseract', [file, 'stdout', '-l', 'eng', '--psm', '3'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  return stdout
    .split('\n')
    .map((text) => ({ text: text.trim(), confidence: 90 }))
    .filter((line) => line.text !== '');
}

async function main(): Promise<void> {
  const truth = (JSON.parse(await fs.readFile(path.join(FIXTURES, 'truth.json'), 'utf8')) as { files: Truth[] }).files;
  const engine = createTesseractEngine({ workers: 1 });
  const native = await nativeVersion();
  const pipelineTimes = new Map<string, number[]>();
  const nativeTimes = new Map<string, number[]>();
  let pipelineRight = 0;
  let nativeRight = 0;
  let total = 0;
  try {
    // A warm worker: the first recognition starts it.
    await readEvidenceImage(engine, await fs.readFile(path.join(FIXTURES, truth[0]!.file)), truth[0]!.kind);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const entry of truth) {
        const file = path.join(FIXTURES, entry.file);
        const bytes = await fs.readFile(file);
        let started = performance.now();
        const reading = await readEvidenceImage(engine, bytes, entry.kind);
        (pipelineTimes.get(entry.kind) ?? pipelineTimes.set(entry.kind, []).get(entry.kind)!).push(
          (performance.now() - started) / 1000,
        );
        if (native) {
          started = performance.now();
          const lines = await readNative(file);
          (nativeTimes.get(entry.kind) ?? nativeTimes.set(entry.kind, []).get(entry.kind)!).push(
            (performance.now() - started) / 1000,
          );
          if (round === 0) {
            const fields = extractFields(extractorFor(entry.kind)!, {
              text: lines.map((line) => line.text).join('\n'),
              confidence: 90,
              lines,
            });
            for (const [name, expected] of Object.entries(entry.fields))
              if (agrees(name, expected, fields[name as keyof typeof fields]?.value)) nativeRight += 1;
          }
        }
        if (round === 0) {
          for (const [name, expected] of Object.entries(entry.fields)) {
            total += 1;
            if (agrees(name, expected, reading.fields[name as keyof typeof reading.fields]?.value)) pipelineRight += 1;
          }
        }
      }
    }
  } finally {
    await engine.close();
  }
  console.log(
    `OCR bench: ${truth.length} images × ${ROUNDS} rounds; native engine: ${native ?? 'not installed (apt-get install tesseract-ocr)'}`,
  );
  for (const [kind, times] of pipelineTimes) {
    const pipeline = median(times);
    const baseline = median(nativeTimes.get(kind) ?? []);
    const ratio = Number.isFinite(baseline)
      ? ` · native whole image ${baseline.toFixed(3)} s · ratio ${(pipeline / baseline).toFixed(2)}`
      : '';
    console.log(`  ${kind.padEnd(22)} prepared pipeline ${pipeline.toFixed(3)} s per image${ratio}`);
  }
  console.log(
    `  fields right: pipeline ${pipelineRight}/${total}${native ? `, native whole image ${nativeRight}/${total}` : ''}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
