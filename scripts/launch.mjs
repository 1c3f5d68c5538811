#!/usr/bin/env node
// Runs a compiled entry point (`node scripts/launch.mjs cli/ask.js …`), building dist/ first
// when it is missing or older than the sources, the data or the build settings — so
// `npm ci && npm start` works on a fresh clone, and a later run costs one stat per file.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// The build's last step writes the data snapshot, so its time is the time of a complete build.
const STAMP = join(root, 'dist', 'data-snapshot.json');
const INPUTS = ['src', 'policy-corpus', 'intents', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/launch.mjs ENTRY.js [args…]  (ENTRY relative to dist/)\n');
  process.exit(2);
}
if (builtAt() < Math.max(...INPUTS.map((input) => newest(join(root, input))))) {
  // Only errors are shown: stdout is the entry's own (the ask contract prints JSON there).
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
process.argv = [process.argv[0] ?? 'node', join(root, 'dist', entry), ...args];
await import(pathToFileURL(join(root, 'dist', entry)).href);
