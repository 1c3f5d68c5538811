import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectPath } from '../src/data/paths.js';
import { loadCorpus } from '../src/policy/corpus.js';

const SRC = projectPath('src');
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));
const folderOf = (file: string) => relative(SRC, file).split('/')[0] as string;

/**
 * The pipeline's floors, lowest first: a module may import from its own folder or a lower
 * floor, never from a folder on its own floor or above (so nlu, context and codes never
 * reach up into answer). config.ts is read by everything; main.ts, the entry, is the top.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['contract', 'data', 'log', 'config.ts'],
  ['policy'],
  ['codes', 'retrieve'],
  ['nlu'],
  ['context', 'render'],
  ['answer'],
  ['eval'],
  ['slack', 'cli'],
];
const floorOf = (folder: string) => {
  const floor = FLOORS.findIndex((names) => names.includes(folder));
  return floor === -1 ? FLOORS.length : floor;
};

describe('architecture', () => {
  test('every src folder has a floor', () => {
    const folders = new Set(files.map(folderOf).filter((f) => !f.endsWith('.ts')));
    expect([...folders].filter((f) => floorOf(f) === FLOORS.length)).toEqual([]);
  });

  test('no module imports up the pipeline or sideways across a floor', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)) {
        const to = (relative(SRC, join(file, '..', target as string)).split('/')[0] as string).replace(/\.js$/, '.ts');
        if (to !== from && floorOf(to) >= floorOf(from)) upward.push(`${relative(SRC, file)} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('src/ names no payer: payers are data in policy-corpus/', () => {
    const { policies } = loadCorpus();
    const names = [...policies.values()].flatMap(({ doc }) => [doc.id, doc.reply, doc.payer]);
    const pattern = new RegExp(`\\b(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
    const naming = files.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(naming.map((f) => relative(SRC, f))).toEqual([]);
  });
});
