import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE_PACKAGE = '@repogen/core';
const PROGRAM = ['dist', 'sandbox', 'sandbox-process.js'];

/**
 * The compiled sandbox program to fork. It is always core's `dist/` build: this module runs
 * from `src/` under tsx in tests and from `dist/` in production, and a forked child gets plain
 * node (`--no-node-snapshot`, no loader), so the package root is found by walking up to core's
 * package.json rather than by a path relative to this file.
 */
export function defaultSandboxProgram(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && readName(manifest) === CORE_PACKAGE) return path.join(dir, ...PROGRAM);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not inside the package (a bundled host, say): the program sits beside this file.
  return path.join(path.dirname(from), PROGRAM[2]!);
}

function readName(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string'
      ? parsed.name
      : undefined;
  } catch {
    return undefined;
  }
}
