import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectPath } from './paths.js';

// The YAML parser is loaded only when a file misses the snapshot: loading it is itself a
// noticeable share of a cold start that the snapshot otherwise avoids.
const require = createRequire(import.meta.url);
const parse = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);

// Parsing the YAML is most of a cold start (about 0.3 s on one core); JSON of the same data
// parses in about a millisecond. The snapshot maps each data file's content hash to its parsed
// value, so a file edited after the build simply misses and is parsed from YAML again.
const SNAPSHOT = projectPath('dist', 'data-snapshot.json');
const DATA_DIRS = ['policy-corpus', 'intents'];

let cached: Map<string, unknown> | undefined;

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function snapshot(): Map<string, unknown> {
  if (cached) return cached;
  cached = new Map();
  try {
    if (existsSync(SNAPSHOT)) {
      cached = new Map(Object.entries(JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, unknown>));
    }
  } catch {
    // A damaged snapshot is only a missed shortcut: every file is parsed from its YAML.
  }
  return cached;
}

/** The parsed value of a data file's text: from the snapshot when its hash is there, else parsed from YAML. */
export function parseYamlText(text: string): unknown {
  const hit = snapshot().get(contentHash(text));
  return hit === undefined ? parse(text) : structuredClone(hit);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Writes the snapshot of every data file; call it only after the data has loaded and validated. */
export function writeSnapshot(): number {
  const entries: Record<string, unknown> = {};
  for (const file of DATA_DIRS.flatMap((dir) => yamlFiles(projectPath(dir)))) {
    const text = readFileSync(file, 'utf8');
    entries[contentHash(text)] = parse(text);
  }
  writeFileSync(SNAPSHOT, JSON.stringify(entries));
  cached = undefined;
  return Object.keys(entries).length;
}
