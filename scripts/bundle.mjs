#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Part of `npm run build`, after tsc: the `ask` entry as one ES module. Resolving and compiling
// its ~280 module files was half of a cold `ask` (about 0.3 s on one core); one file loads in a
// fraction of that. It replaces tsc's dist/cli/ask.js in place, so `node dist/cli/ask.js` and the
// launcher run it; every other file of dist/ stays as tsc wrote it. Paths stay right because the
// bundle lives where the module it replaces did (src/data/paths.ts resolves from its own URL).

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist', 'cli', 'ask.js');
const result = await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  metafile: Boolean(process.env.BUNDLE_META),
});
if (result.metafile) {
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs);
  const byPackage = new Map();
  for (const [path, { bytesInOutput }] of inputs) {
    const key = path.includes('node_modules/')
      ? path
          .split('node_modules/')[1]
          .split('/')
          .slice(0, path.includes('node_modules/@') ? 2 : 1)
          .join('/')
      : 'dist';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(String(bytes).padStart(9), key);
}
