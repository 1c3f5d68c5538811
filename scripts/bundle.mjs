#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';

// Part of `npm run build`. Resolving and compiling the ~280 module files behind `ask` was half of
// a cold start (about 0.3 s on one core), and compiling one big file is most of what is left:
//   node scripts/bundle.mjs               after tsc: bundles tsc's dist/cli/ask.js and everything
//                                         it imports into dist/cli/ask.bundle.cjs, and puts a small
//                                         loader in its place (dist/cli/ask.js, what `npm run ask`
//                                         and the launcher run);
//   node scripts/bundle.mjs --code-cache  after the data snapshot: runs the loader once over each
//                                         intent's examples (intents/intents.yaml) and keeps V8's
//                                         compiled code for the bundle in ask.bundle.cjs.cache.
// The loader runs the bundle from that cache when this node accepts it (same V8 version and flags,
// same source) and compiles it as usual otherwise, so a stale or foreign cache costs only time.
// Every other file of dist/ stays as tsc wrote it.

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist', 'cli', 'ask.js');
const bundle = join(root, 'dist', 'cli', 'ask.bundle.cjs');
const cache = `${bundle}.cache`;

const LOADER = `// Written by scripts/bundle.mjs: runs the bundled ask (ask.bundle.cjs), from V8's code cache
// when the build left one this node accepts, else compiled as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('./ask.bundle.cjs', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(\`\${file}.cache\`);
} catch {
  // No cache: compiled as usual.
}
// The build escapes every character past ASCII, so latin1 reads it as one-byte text (as UTF-8,
// a few dashes in comments made all 1.1 MB a two-byte string).
const source = \`(function (exports, require, module, __filename, __dirname) {\${readFileSync(file, 'latin1')}\\n})\`;
const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
if (process.env.ASK_WRITE_CODE_CACHE === '1') {
  // The build's warm-up: the cache taken at exit holds every function the run compiled.
  process.once('exit', () => writeFileSync(\`\${file}.cache\`, script.createCachedData()));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
`;

if (process.argv.includes('--code-cache')) {
  rmSync(cache, { force: true });
  const intents = parse(readFileSync(join(root, 'intents', 'intents.yaml'), 'utf8'));
  const examples = Object.values(intents.intents).flatMap((intent) => intent.examples ?? []);
  const input = examples.map((q, i) => JSON.stringify({ id: `warm-${i}`, q })).join('\n');
  const run = spawnSync(process.execPath, [entry, '--jsonl'], {
    input,
    env: { ...process.env, ASK_WRITE_CODE_CACHE: '1' },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  if (run.status !== 0) {
    // A missing cache is only a slower start.
    rmSync(cache, { force: true });
    process.stderr.write(`code cache not written: the warm-up run exited ${run.status}\n`);
  }
} else {
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    // The sources are ES modules: strict, and resolving data paths from their own URL.
    banner: { js: `"use strict";\nvar __bundle_url = require('node:url').pathToFileURL(__filename).href;` },
    define: { 'import.meta.url': '__bundle_url' },
  });
  // esbuild escapes non-ASCII in strings but keeps it in comments and regular expression
  // literals; \uXXXX means the same character in all three (a pair of them, one astral
  // character, in a /u expression too), so the loader can read the bundle as latin1.
  const code = readFileSync(bundle, 'utf8');
  writeFileSync(
    bundle,
    code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  rmSync(cache, { force: true });
  writeFileSync(entry, LOADER);
}
