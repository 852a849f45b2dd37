#!/usr/bin/env node
// Installs the workspace's npm dependencies when they are missing or older than the lockfile,
// and the system packages the renderer needs (scripts/install-system-deps.sh), so that
// `npm start` and `npm test` work on a fresh clone. Uses only Node's standard library.
//
//   node scripts/ensure-install.mjs               for `npm start`
//   node scripts/ensure-install.mjs --for-tests   for `npm test`: also the PDF tools the tests use
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
  // A clean clone gets exactly the lockfile (`npm ci`); an existing tree is brought up to date
  // in place, since `npm ci` would delete node_modules and rebuild isolated-vm for minutes.
  const fresh = !fs.existsSync(path.join(root, 'node_modules'));
  const command = fresh && fs.existsSync(lockfile) ? 'ci' : 'install';
  console.log(`repogen: installing dependencies (npm ${command}); the first run builds isolated-vm and takes a few minutes…`);
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`repogen: npm ${command} failed (exit ${result.status}). Fix the error above and run the command again.`);
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stamp, wanted);
}

// LibreOffice and fonts: installed when missing if we are root on Debian; otherwise the script
// names the packages to install. The host still serves without them (only rendering needs
// them), so a refusal here is a warning, not a stop.
const systemArgs = process.argv.includes('--for-tests') ? ['--with-test-tools'] : [];
const system = spawnSync('bash', [path.join(root, 'scripts', 'install-system-deps.sh'), ...systemArgs], { cwd: root, stdio: 'inherit' });
if (system.status !== 0) {
  console.warn('repogen: rendering (DOCX to PDF) will not work until the system packages above are installed.');
}
