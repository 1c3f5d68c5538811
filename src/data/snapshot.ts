import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { projectPath } from './paths.js';

// The YAML parser is loaded only when a file misses the snapshot: loading it is itself a
// noticeable share of a cold start that the snapshot otherwise avoids.
const require = createRequire(import.meta.url);
const parse = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);

// Parsing the YAML is most of a cold start (about 0.3 s on one core); JSON of the same data
// parses in about a millisecond. The snapshot maps each data file's content hash to its parsed
// value, so a file edited after the build simply misses and is parsed from YAML again. It also
// keeps, per file and content hash, the value its schema returned at build time (defaults
// filled in): the compiled code that wrote it reads that back without validating twice.
// Code run from the sources (tests, tsx) never trusts it — its schemas may be newer than the build.
const SNAPSHOT = projectPath('dist', 'data-snapshot.json');
// What the compiled code reads: the validated values and the compiled structures, in a file of
// their own, so a start that needs no YAML never reads or parses the parsed values too.
const COMPILED = projectPath('dist', 'data-compiled.json');
const DATA_DIRS = ['policy-corpus', 'intents'];
// 'use': read validated values back (compiled code); 'record': validate afresh and note the
// results (the build, whose previous snapshot may predate its schemas); 'off': sources.
let validatedMode: 'use' | 'record' | 'off' = import.meta.url.includes('/dist/') ? 'use' : 'off';

/** Each value is stored as its own JSON text, so a hit is parsed afresh (a copy) and only files used are parsed. */
interface Parsed {
  readonly parsed: Map<string, string>;
}
interface Compiled {
  readonly validated: Map<string, string>;
  /** Structures compiled from the data (the lexicon's phrase index), by a key naming their inputs' hash. */
  readonly compiled: Map<string, string>;
}

let parsedCache: Parsed | undefined;
let compiledCache: Compiled | undefined;

/** A snapshot file's maps, or empty ones: a missing or damaged snapshot is only a missed shortcut. */
function readMaps(file: string, names: readonly string[]): Partial<Record<string, Map<string, string>>> {
  const maps: Partial<Record<string, Map<string, string>>> = {};
  try {
    if (existsSync(file)) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, object | undefined>;
      for (const name of names) maps[name] = new Map(Object.entries(data[name] ?? {}));
    }
  } catch {
    // Every file is then parsed from its YAML and validated.
  }
  return maps;
}

function parsedSnapshot(): Parsed {
  if (!parsedCache) {
    const { parsed = new Map() } = readMaps(SNAPSHOT, ['parsed']);
    parsedCache = { parsed };
  }
  return parsedCache;
}

function compiledSnapshot(): Compiled {
  if (!compiledCache) {
    const { validated = new Map(), compiled = new Map() } = readMaps(COMPILED, ['validated', 'compiled']);
    compiledCache = { validated, compiled };
  }
  return compiledCache;
}

/** The build: validate every file afresh (ignoring the previous snapshot's values) and note the results. */
export function recordValidatedValues(): void {
  validatedMode = 'record';
}

/** Validated values recorded by this process (the build), by file and hash. */
const recorded = new Map<string, unknown>();
const recordedCompiled = new Map<string, () => unknown>();

/** The sha256 of a text: the snapshot's key for data and what is compiled from it. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function validatedKey(file: string, text: string): string {
  return `${relative(projectPath(), file)}:${contentHash(text)}`;
}

/** The parsed value of a data file's text: from the snapshot when its hash is there, else parsed from YAML. */
export function parseYamlText(text: string): unknown {
  const hit = parsedSnapshot().parsed.get(contentHash(text));
  return hit === undefined ? parse(text) : JSON.parse(hit);
}

/** The value a file's schema gave this very text at build time, when running the compiled code that built it. */
export function validatedValue(file: string, text: string): unknown {
  if (validatedMode !== 'use') return undefined;
  const hit = compiledSnapshot().validated.get(validatedKey(file, text));
  return hit === undefined ? undefined : JSON.parse(hit);
}

/** Notes what a file's schema returned, for the snapshot the build writes next. */
export function recordValidated(file: string, text: string, value: unknown): void {
  if (validatedMode === 'record') recorded.set(validatedKey(file, text), value);
}

/**
 * A structure the build compiled from inputs whose hash is in `key` (the compiled code only,
 * like validated values): the caller restores it instead of compiling it again.
 */
export function compiledValue(key: string): unknown {
  if (validatedMode !== 'use') return undefined;
  const hit = compiledSnapshot().compiled.get(key);
  return hit === undefined ? undefined : JSON.parse(hit);
}

/** Notes, during the build, how to write a compiled structure into the snapshot (called once, at write time). */
export function recordCompiled(key: string, serialise: () => unknown): void {
  if (validatedMode === 'record') recordedCompiled.set(key, serialise);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/**
 * JSON with every character past ASCII escaped (\uXXXX, as JSON allows): an ASCII file decodes to
 * a one-byte string, which reads and parses in about half the time of the same text with a few
 * curly quotes from the policies in it.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes the snapshot of every data file; call it only after the data has loaded and validated. */
export function writeSnapshot(): number {
  const parsed: Record<string, string> = {};
  const validated: Record<string, string> = {};
  for (const file of DATA_DIRS.flatMap((dir) => yamlFiles(projectPath(dir)))) {
    const text = readFileSync(file, 'utf8');
    parsed[contentHash(text)] = JSON.stringify(parse(text));
    const key = validatedKey(file, text);
    if (recorded.has(key)) validated[key] = JSON.stringify(recorded.get(key));
  }
  const compiled = Object.fromEntries([...recordedCompiled].map(([key, serialise]) => [key, JSON.stringify(serialise())]));
  // The parsed values last: the launcher takes that file's time as the time of a complete build.
  writeFileSync(COMPILED, asciiJson({ validated, compiled }));
  writeFileSync(SNAPSHOT, asciiJson({ parsed }));
  parsedCache = undefined;
  compiledCache = undefined;
  return Object.keys(parsed).length;
}
