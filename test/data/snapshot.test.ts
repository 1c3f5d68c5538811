import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../../src/data/paths.js';
import { Entries, parseYamlText, validatedValue } from '../../src/data/snapshot.js';

describe('data snapshot', () => {
  test('a data file parses to the same value with or without the snapshot', () => {
    const text = readFileSync(projectPath('intents', 'intents.yaml'), 'utf8');
    expect(parseYamlText(text)).toEqual(parse(text));
  });

  test('text the snapshot does not know (an edited file) is parsed from its YAML', () => {
    expect(parseYamlText('edited: [1, 2]\n')).toEqual({ edited: [1, 2] });
  });

  test('a hit is a copy, so a caller that changes it cannot change the next load', () => {
    const text = readFileSync(projectPath('intents', 'intents.yaml'), 'utf8');
    const first = parseYamlText(text) as Record<string, unknown>;
    for (const key of Object.keys(first)) delete first[key];
    expect(parseYamlText(text)).toEqual(parse(text));
  });

  test('code run from the sources never takes a validated value from the build: its schemas may be newer', () => {
    const file = projectPath('intents', 'intents.yaml');
    expect(validatedValue(file, readFileSync(file, 'utf8'))).toBeUndefined();
  });

  test('kept entries: each text comes back as written, read in parts, and a damaged index is refused', () => {
    const texts = new Map([
      ['validated:a.yaml', '{"q":"\\u201cquoted\\u201d"}'],
      ['text:lines', '0 image guided\n1 image guidance'],
      ['empty', ''],
      ['utf8', 'caf\u00e9 \u2014 ok'],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'entries-')), 'data.idx');
    writeFileSync(file, Entries.encode(texts));
    for (const entries of [Entries.decode(Entries.encode(texts)), Entries.open(file)]) {
      for (const [key, text] of texts) expect(entries.text(key)).toBe(text);
      expect(entries.text('missing')).toBeUndefined();
      const lines = entries.slices('text:lines');
      expect(lines?.length).toBe(31);
      expect(lines?.slice(2, 14)).toBe('image guided');
      expect(entries.slices('missing')).toBeUndefined();
    }
    expect(() => Entries.decode(Buffer.from('{"a":[0,1]'))).toThrow();
    expect(() => Entries.decode(Buffer.from('{"a":[0,9]}\nshort'))).toThrow();
    expect(Entries.empty.text('validated:a.yaml')).toBeUndefined();
  });

  test('an opened file keeps reading as it was when a rebuild renames a new one into its place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entries-'));
    const file = join(dir, 'data.idx');
    writeFileSync(file, Entries.encode(new Map([['text:lines', '0 image guided']])));
    const opened = Entries.open(file);
    writeFileSync(`${file}.tmp`, Entries.encode(new Map([['text:lines', '1 something else entirely']])));
    renameSync(`${file}.tmp`, file);
    expect(opened.slices('text:lines')?.slice(2, 14)).toBe('image guided');
    expect(Entries.open(file).text('text:lines')).toBe('1 something else entirely');
  });
});
