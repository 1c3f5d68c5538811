import { describe, expect, test } from 'vitest';
import { completions } from '../../src/policy/enumerate.js';
import type { FactDef } from '../../src/policy/schema.js';

const base = { label: 'x', ask: 'x?' };
const table: Record<string, FactDef> = {
  a: { kind: 'boolean', ...base },
  b: { kind: 'boolean', ...base },
  c: { kind: 'enum', ...base, values: { x: { label: 'x' }, y: { label: 'y' }, z: { label: 'z' } } },
  codes: { kind: 'codes', ...base },
};

const listed = (facts: string[], settles?: (v: Record<string, unknown>) => boolean) =>
  [...(completions(table, facts, {}, settles) ?? [])].map(({ values, weight }) => ({ values, weight }));

describe('completions', () => {
  test('without a cut, every combination once, first fact slowest', () => {
    const cases = listed(['a', 'c']);
    expect(cases.map((c) => c.values)).toEqual([
      { a: true, c: 'x' },
      { a: true, c: 'y' },
      { a: true, c: 'z' },
      { a: false, c: 'x' },
      { a: false, c: 'y' },
      { a: false, c: 'z' },
    ]);
    expect(cases.every((c) => c.weight === 1)).toBe(true);
  });

  test('a partial case that settles is yielded once, weighted by the combinations it stands for', () => {
    const cases = listed(['a', 'b', 'c'], (v) => v.a === true);
    expect(cases[0]).toEqual({ values: { a: true }, weight: 6 });
    expect(cases.slice(1).every((c) => c.values.a === false && c.weight === 1)).toBe(true);
    expect(cases.reduce((n, c) => n + c.weight, 0)).toBe(12);
  });

  test('a fact that cannot be enumerated leaves the question open', () => {
    expect(completions(table, ['a', 'codes'])).toBeUndefined();
  });

  test('ruled-out values are not enumerated', () => {
    const values = [...(completions(table, ['c'], { c: ['y'] }) ?? [])].map((c) => c.values.c);
    expect(values).toEqual(['x', 'z']);
  });
});
