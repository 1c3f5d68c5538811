import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../src/contract/lazy-schema.js';
import { parseData } from '../../src/data/load-yaml.js';

/** A lazy schema and how many times it was built. */
function counted<T extends object>(build: () => T): { schema: T; builds: () => number } {
  let n = 0;
  const schema = lazySchema(() => {
    n++;
    return build();
  });
  return { schema, builds: () => n };
}

describe('lazySchema: a schema built on first use behaves as the schema itself', () => {
  test('nothing is built until the schema is read, and it is built once', () => {
    const { schema, builds } = counted(() => z.object({ id: z.string() }));
    expect(builds()).toBe(0);
    expect(schema.parse({ id: 'a' })).toEqual({ id: 'a' });
    expect(schema.safeParse({ id: 1 }).success).toBe(false);
    expect(builds()).toBe(1);
  });

  test.each([
    ['a valid value', { rules: [{ id: 'r1', when: 'x' }] }, true],
    ['a missing field inside a nested lazy schema', { rules: [{ id: 'r1' }] }, false],
    ['an unknown key under strictObject', { rules: [{ id: 'r1', when: 'x', extra: 1 }] }, false],
  ])('composed inside another lazy schema: %s', (_, value, ok) => {
    const Rule = lazySchema(() => z.strictObject({ id: z.string(), when: z.string() }));
    const File = lazySchema(() => z.object({ rules: z.array(Rule) }));
    expect(File.safeParse(value).success).toBe(ok);
  });

  test('a bad file still fails with file, path and reason', () => {
    const Rule = lazySchema(() => z.strictObject({ id: z.string().min(1) }));
    const File = lazySchema(() => z.object({ rules: z.array(Rule) }));
    expect(() => parseData('rules/x.yaml', { rules: [{ id: '' }] }, File)).toThrow(/rules\/x\.yaml[\s\S]*rules\[0\]\.id/);
  });

  test('zod recognises it as its own (instanceof, enum options, defaults filled in)', () => {
    const Kind = lazySchema(() => z.enum(['a', 'b']));
    const WithDefault = lazySchema(() => z.object({ kind: Kind.default('a') }));
    expect(Kind instanceof z.ZodType).toBe(true);
    expect(Kind.options).toEqual(['a', 'b']);
    expect(WithDefault.parse({})).toEqual({ kind: 'a' });
  });
});
