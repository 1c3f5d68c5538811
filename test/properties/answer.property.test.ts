import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { Answer } from '../../src/answer/schema.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';
import { LIMITS, renderBlocks } from '../../src/render/blocks.js';

const pipeline = defaultPipeline();
const vocabulary = [
  'horizon',
  'cvs',
  '3dcrt',
  'imrt',
  'prostate',
  'rectal',
  'prone',
  'belly board',
  'curative',
  'palliative',
  'no prior rt',
  'sbrt',
  'bill',
  'bundled',
  '77387-TC',
  'G6001',
  '0197T',
  'check',
  'compare',
  'what replaced',
  'hospital',
  'freestanding',
  '2026-01-02',
  'whole brain',
  'not a boost',
  'aetna',
];
const nasty = [
  '<!channel>',
  '<!here>',
  '<@U123>',
  '<https://x.io|click>',
  '*bold*',
  '`code`',
  '&amp;',
  '<script>',
  '\u0000',
  '\u202e',
  '🤖',
  '\ud800',
  'DROP TABLE',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-looking string is the point of this input.
  '${x}',
  '\n\n',
];

const question = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...vocabulary, ...nasty), { maxLength: 25 }).map((words) => words.join(' ')),
  fc
    .tuple(fc.constantFrom(...nasty), fc.string({ maxLength: 50 }), fc.constantFrom(...vocabulary))
    .map((parts) => parts.join('')),
);

/**
 * Every `<`, `>` or `&` in shown text must reach Slack escaped, so nothing can open a link or
 * mention; the only raw `>` allowed is our own block-quote marker at the start of a line.
 */
function hasUnescaped(json: string): boolean {
  const withoutQuotes = json.replace(/(^|"|\\n)> /g, '$1');
  return /[<>]|&(?!amp;|lt;|gt;)/.test(withoutQuotes);
}

describe('the whole pipeline under arbitrary input', () => {
  test('answer() never throws, validates against the Answer schema, and renders within Slack limits, escaped', async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        const result = await answer(q, { pipeline });
        expect(Answer.safeParse(result).success).toBe(true);
        const { blocks, text } = renderBlocks(pipeline.corpus, result, { shareValue: q, buttonValue: (r) => r });
        expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
        expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        const shown = JSON.stringify(
          blocks.map((b) => ({
            ...b,
            elements: 'elements' in b && b.type === 'actions' ? [] : (b as { elements?: unknown }).elements,
          })),
        );
        expect(hasUnescaped(shown)).toBe(false);
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  test('very long inputs (up to 50,000 characters) are answered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 10_000, maxLength: 50_000 }), async (q) => {
        expect(Answer.safeParse(await answer(q, { pipeline })).success).toBe(true);
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  test('thread context never grows past its bound', async () => {
    const store = new MemoryContextStore({ maxThreads: 50 });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 12 }), fc.constantFrom(...vocabulary), async (thread, q) => {
        await answer(q, { pipeline, store, threadId: thread });
        expect(store.size).toBeLessThanOrEqual(50);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
