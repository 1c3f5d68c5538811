import { createHash } from 'node:crypto';
import { existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
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
// their own, so a start that needs no YAML never reads or parses the parsed values too. Its
// first line is a JSON index (key → byte range); the rest is each entry's text end to end, read
// as bytes and decoded only where an entry is used. Keeping each value's JSON as a string inside
// one JSON document (as before) decoded and unescaped all 2.4 MB twice per start, most of it the
// lexicon's phrase lines that a question uses a few of.
const COMPILED = projectPath('dist', 'data-compiled.idx');
const DATA_DIRS = ['policy-corpus', 'intents'];
// 'use': read validated values back (compiled code); 'record': validate afresh and note the
// results (the build, whose previous snapshot may predate its schemas); 'off': sources.
let validatedMode: 'use' | 'record' | 'off' = import.meta.url.includes('/dist/') ? 'use' : 'off';

/** Each value is stored as its own JSON text, so a hit is parsed afresh (a copy) and only files used are parsed. */
interface Parsed {
  readonly parsed: Map<string, string>;
}

let parsedCache: Parsed | undefined;
let compiledCache: Entries | undefined;

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

/** Reads `length` bytes at `at`. */
type ReadAt = (at: number, length: number) => Buffer;

/**
 * Texts by key: an index line, then the texts, each read and decoded when asked for. From a
 * file, only the index and the texts used are read (a question uses some 200 KB of 2.3 MB).
 */
export class Entries {
  private constructor(
    private readonly read: ReadAt,
    private readonly base: number,
    private readonly ranges: Readonly<Record<string, readonly [number, number] | undefined>>,
  ) {}

  /** No entries: what a missing or damaged file reads as. */
  static readonly empty = new Entries(() => Buffer.alloc(0), 0, {});

  /** The bytes `encode` wrote (a damaged index throws: the caller treats that as no file). */
  static decode(bytes: Buffer): Entries {
    return Entries.from((at, length) => bytes.subarray(at, at + length), bytes.length);
  }

  /** A file `encode` wrote, kept open for the texts read later (a damaged index throws). */
  static open(file: string): Entries {
    const fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    return Entries.from((at, length) => {
      const bytes = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, bytes, done, length - done, at + done);
        if (n === 0) throw new Error(`${file}: ends at ${at + done}, before ${at + length}`);
        done += n;
      }
      return bytes;
    }, size);
  }

  private static from(read: ReadAt, size: number): Entries {
    // The index line is a few kilobytes: read in steps until its end.
    let head = Buffer.alloc(0);
    let end = -1;
    while (end < 0) {
      if (head.length >= size) throw new Error('no index line');
      head = Buffer.concat([head, read(head.length, Math.min(16384, size - head.length))]);
      end = head.indexOf(10);
    }
    const ranges = JSON.parse(head.toString('latin1', 0, end)) as Record<string, [number, number]>;
    for (const range of Object.values(ranges)) if (end + 1 + range[1] > size) throw new Error('an entry runs past the end');
    return new Entries(read, end + 1, ranges);
  }

  /** Texts (JSON of values, or raw text) by key, as one buffer. */
  static encode(texts: ReadonlyMap<string, string>): Buffer {
    const ranges: Record<string, [number, number]> = {};
    const bodies: Buffer[] = [];
    let at = 0;
    for (const [key, text] of texts) {
      const body = Buffer.from(text, 'utf8');
      ranges[key] = [at, at + body.length];
      bodies.push(body);
      at += body.length;
    }
    return Buffer.concat([Buffer.from(`${asciiJson(ranges)}\n`, 'latin1'), ...bodies]);
  }

  text(key: string): string | undefined {
    const range = this.ranges[key];
    return range && this.read(this.base + range[0], range[1] - range[0]).toString('utf8');
  }

  /** An ASCII text's parts, each read and decoded when sliced: the rest of it is never read. */
  slices(key: string): KeptText | undefined {
    const range = this.ranges[key];
    if (!range) return undefined;
    const at = this.base + range[0];
    return { length: range[1] - range[0], slice: (start, end) => this.read(at + start, end - start).toString('latin1') };
  }
}

/** A text kept by the build (see recordCompiledText), read in parts. */
export interface KeptText {
  readonly length: number;
  slice(start: number, end: number): string;
}

function compiledSnapshot(): Entries {
  if (!compiledCache) {
    try {
      compiledCache = existsSync(COMPILED) ? Entries.open(COMPILED) : Entries.empty;
    } catch {
      // Every file is then validated and the lexicon compiled.
      compiledCache = Entries.empty;
    }
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
const recordedTexts = new Map<string, () => string>();

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
  const hit = compiledSnapshot().text(`validated:${validatedKey(file, text)}`);
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
  const hit = compiledSnapshot().text(`compiled:${key}`);
  return hit === undefined ? undefined : JSON.parse(hit);
}

/** A text the build kept under `key` as it is (no JSON), for the compiled code; see recordCompiledText. */
export function compiledText(key: string): KeptText | undefined {
  return validatedMode === 'use' ? compiledSnapshot().slices(`text:${key}`) : undefined;
}

/**
 * Notes, during the build, a text to keep as it is beside the compiled structures: a large one
 * the compiled code reads parts of (by offsets in a compiled value) without decoding the rest.
 * Printable ASCII and line ends only, so its offsets are byte offsets in the file as well.
 */
export function recordCompiledText(key: string, text: () => string): void {
  if (validatedMode === 'record') recordedTexts.set(key, text);
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
  const entries = new Map<string, string>();
  for (const file of DATA_DIRS.flatMap((dir) => yamlFiles(projectPath(dir)))) {
    const text = readFileSync(file, 'utf8');
    parsed[contentHash(text)] = JSON.stringify(parse(text));
    const key = validatedKey(file, text);
    if (recorded.has(key)) entries.set(`validated:${key}`, asciiJson(recorded.get(key)));
  }
  for (const [key, serialise] of recordedCompiled) entries.set(`compiled:${key}`, asciiJson(serialise()));
  for (const [key, kept] of recordedTexts) {
    const text = kept();
    if (/[^\x20-\x7e\n]/.test(text)) throw new Error(`kept text ${key}: not printable ASCII`);
    entries.set(`text:${key}`, text);
  }
  // The parsed values last: the launcher takes that file's time as the time of a complete build.
  // Written aside and renamed into place: a running process reads this file by range for as long
  // as it runs (lexicon lines on use), and keeps reading the file it opened, not a rebuild's.
  writeFileSync(`${COMPILED}.tmp`, Entries.encode(entries));
  renameSync(`${COMPILED}.tmp`, COMPILED);
  writeFileSync(SNAPSHOT, asciiJson({ parsed }));
  parsedCache = undefined;
  compiledCache = undefined;
  return Object.keys(parsed).length;
}
