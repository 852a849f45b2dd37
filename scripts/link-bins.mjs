#!/usr/bin/env node
// Links the workspace packages' commands (`repogen`, `repogen-pack`) into node_modules/.bin once
// they are built, so that `npx repogen …` runs this checkout's CLI. npm links workspace bins at
// install time, before the build has written them, and then leaves them out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
const { workspaces } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

for (const pattern of workspaces.filter((entry) => !entry.includes('*'))) {
  const dir = path.join(root, pattern);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const [name, target] of Object.entries(manifest.bin ?? {})) {
    const file = path.join(dir, target);
    if (!fs.existsSync(file)) continue;
    fs.chmodSync(file, 0o755);
    fs.mkdirSync(binDir, { recursive: true });
    const link = path.join(binDir, name);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(binDir, file), link);
  }
}
