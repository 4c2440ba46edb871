#!/usr/bin/env node
// `npm run cli -- …`: runs the built ledger-cli, building it first only when a source is
// newer than the build (a fresh clone, or code changed since). Building takes seconds; an
// operator's command should answer at once.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'dist/apps/ledger-cli/src/main.js');

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestSource(join(root, 'apps')),
  newestSource(join(root, 'libs')),
  statSync(join(root, 'tsconfig.json')).mtimeMs,
  statSync(join(root, 'tsconfig.build.json')).mtimeMs,
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stderr.write('ledger-cli: building once (the sources changed since the last build)…\n');
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'ledger-cli'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
const { status, signal } = spawnSync(process.execPath, [built, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = status ?? (signal ? 1 : 0);
