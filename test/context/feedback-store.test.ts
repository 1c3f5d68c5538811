import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FileFeedbackStore } from '../../src/context/feedback-store.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const entry = (at: string, question: string, correction?: string) =>
  ({
    at,
    rating: 'down',
    question,
    intent: 'coverage',
    given: { p: 'needs_info' },
    answer: 'a',
    ...(correction ? { correction } : {}),
  }) as const;

describe('feedback file store', () => {
  test('masks identifiers like the logs, and keeps only what is within its age and count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'igrt-fb-'));
    dirs.push(dir);
    let now = Date.parse('2026-01-10T00:00:00Z');
    const file = join(dir, 'nested', 'feedback.jsonl');
    const store = new FileFeedbackStore(file, { retentionMs: 86_400_000, maxEntries: 2, now: () => now });
    await store.add(entry('2026-01-08T00:00:00Z', 'too old'));
    await Promise.all([
      store.add(entry('2026-01-09T12:00:00Z', 'MRN 12345678 horizon imrt', 'born 3/4/1950, curative')),
      store.add(entry('2026-01-09T13:00:00Z', 'two')),
      store.add(entry('2026-01-09T14:00:00Z', 'three')),
    ]);
    expect((await store.list()).map((e) => e.question)).toEqual(['two', 'three']);
    await store.add(entry('2026-01-09T15:00:00Z', 'pt MRN 12345678 horizon imrt', 'born 3/4/1950, curative'));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('12345678');
    expect(text).not.toContain('1950');
    expect(text).toContain('curative');
    now += 2 * 86_400_000;
    expect(await store.list()).toEqual([]);
  });
});

describe('memory store key-value side', () => {
  test('values round-trip, expire and are bounded', async () => {
    let now = 0;
    const store = new MemoryContextStore({ maxThreads: 2, now: () => now });
    await store.putValue('a', '1', 100);
    await store.putValue('b', '2', 100);
    await store.putValue('c', '3', 100);
    expect(await store.getValue('a')).toBeUndefined();
    expect(await store.getValue('c')).toBe('3');
    now = 100;
    expect(await store.getValue('c')).toBeUndefined();
  });
});
