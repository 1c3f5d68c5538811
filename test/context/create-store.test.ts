import { describe, expect, test } from 'vitest';
import { createContextStore, StoreConfigError } from '../../src/context/create-store.js';
import { MemoryEventDeduper } from '../../src/context/dedupe.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';

describe('createContextStore', () => {
  test.each([
    ['REDIS_URL unset', {}],
    ['REDIS_URL blank', { REDIS_URL: '  ' }],
  ])('%s: in memory', async (_name, env) => {
    const shared = createContextStore(env);
    expect(shared.backend).toBe('memory');
    expect(shared.store).toBeInstanceOf(MemoryContextStore);
    expect(shared.dedupe).toBeInstanceOf(MemoryEventDeduper);
    await shared.close();
  });

  test('a REDIS_URL that is not a Redis URL fails at start-up, not at the first question', () => {
    expect(() => createContextStore({ REDIS_URL: 'http://localhost:6379' })).toThrow(StoreConfigError);
  });
});

describe('MemoryEventDeduper', () => {
  test('true once per key within its TTL, and again after it expires', async () => {
    let now = 0;
    const dedupe = new MemoryEventDeduper(10, () => now);
    expect(await dedupe.firstSeen('e1', 1000)).toBe(true);
    expect(await dedupe.firstSeen('e1', 1000)).toBe(false);
    expect(await dedupe.firstSeen('e2', 1000)).toBe(true);
    now = 1000;
    expect(await dedupe.firstSeen('e1', 1000)).toBe(true);
  });

  test('remembers at most maxKeys, forgetting the oldest first', async () => {
    const dedupe = new MemoryEventDeduper(3, () => 0);
    for (const key of ['a', 'b', 'c', 'd']) await dedupe.firstSeen(key, 60_000);
    expect(dedupe.size).toBe(3);
    expect(await dedupe.firstSeen('a', 60_000)).toBe(true);
    expect(await dedupe.firstSeen('d', 60_000)).toBe(false);
  });
});
