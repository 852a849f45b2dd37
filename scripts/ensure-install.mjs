#!/usr/bin/env node
// Installs the workspace's npm dependencies when they are missing or older than the lockfile,
// so that `npm start` and `npm test` work on a fresh clone. Uses only Node's standard library.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.repogen-install-stamp');

function digest(file) {
  return fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'none';
}

const wanted = `${digest(lockfile)} ${digest(path.join(root, 'package.json'))} node-${process.versions.node}`;
const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';

if (current !== wanted) {
  const command = fs.existsSync(lockfile) ? 'ci' : 'install';
  console.log(`repogen: installing dependencies (npm ${command}); the first run builds isolated-vm and takes a few minutes…`);
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`repogen: npm ${command} failed (exit ${result.status}). Fix the error above and run the command again.`);
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stamp, wanted);
}
