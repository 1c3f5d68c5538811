import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../../src/data/paths.js';
import { parseYamlText, validatedValue } from '../../src/data/snapshot.js';

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
});
