import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';
import { Answer } from '../../src/contract/answer.js';
import { question, vocabulary } from './arbitraries.js';

const pipeline = defaultPipeline();
const today = '2025-06-01';

describe('thread context stays bounded', () => {
  test('under many random thread ids the store never holds more than maxThreads', async () => {
    const maxThreads = 50;
    const store = new MemoryContextStore({ maxThreads });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ maxLength: 16 }), fc.constantFrom(...vocabulary)), { minLength: 1, maxLength: 20 }),
        async (turns) => {
          for (const [threadId, q] of turns) await answer(q, { pipeline, store, threadId, today });
          expect(store.size).toBeLessThanOrEqual(maxThreads);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  test('a thread’s stored state stays small however many turns it has, and every turn still answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(question, { minLength: 1, maxLength: 25 }), async (turns) => {
        const store = new MemoryContextStore();
        for (const q of turns) {
          const result = await answer(q, { pipeline, store, threadId: 'long-thread', today });
          expect(Answer.safeParse(result).success).toBe(true);
        }
        // The state holds facts from a fixed vocabulary and codes from one read-limited message.
        expect(JSON.stringify((await store.get('long-thread')) ?? {}).length).toBeLessThan(8_000);
        expect(store.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('the key-value side store', () => {
  test('gives back exactly the string it was given (kept as UTF-8 bytes off the heap)', async () => {
    const store = new MemoryContextStore();
    // Any well-formed text: curly quotes, emoji, CJK, controls, the empty string.
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 2_000 }), async (value) => {
        await store.putValue('answer:x', value, 60_000);
        expect(await store.getValue('answer:x')).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  test('a stored answer record round-trips through JSON, lone surrogates included', async () => {
    const store = new MemoryContextStore();
    const record = { text: 'IGRT — “separately billable” ⚠️ 77387', odd: '\ud800 alone', blocks: [{ type: 'section' }] };
    await store.putValue('answer:y', JSON.stringify(record), 60_000);
    expect(JSON.parse((await store.getValue('answer:y')) ?? 'null')).toEqual(record);
  });
});
