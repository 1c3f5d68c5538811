import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DataError } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { loadIntents } from '../../src/nlu/intents.js';

const original = readFileSync(projectPath('intents', 'intents.yaml'), 'utf8');
const ORDER = 'order: [help, out_of_scope, compare, code_lookup, policy_info, billing, coverage]';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('intent order: one list in intents.yaml, checked at load', () => {
  test('the shipped order is the tie-break order the parser uses', () => {
    expect(loadIntents().order).toEqual(['help', 'out_of_scope', 'compare', 'code_lookup', 'policy_info', 'billing', 'coverage']);
  });

  test.each([
    [
      'an intent with cues left out',
      'order: [help, out_of_scope, compare, code_lookup, policy_info, billing]',
      /order: "coverage" has cues but is not listed/,
    ],
    [
      'an intent listed twice',
      'order: [help, out_of_scope, compare, help, code_lookup, policy_info, billing, coverage]',
      /order\[3\]: "help" is listed twice/,
    ],
    [
      'an intent that is not a contract intent',
      'order: [help, chitchat, out_of_scope, compare, code_lookup, policy_info, billing, coverage]',
      /order/,
    ],
  ])('%s fails with file, path and reason', (_name, order, reason) => {
    expect(original).toContain(ORDER);
    const dir = mkdtempSync(join(tmpdir(), 'intents-'));
    dirs.push(dir);
    const file = join(dir, 'intents.yaml');
    writeFileSync(file, original.replace(ORDER, order));
    expect(() => loadIntents(file)).toThrow(DataError);
    expect(() => loadIntents(file)).toThrow(reason);
  });
});
