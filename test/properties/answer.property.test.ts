import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { Answer } from '../../src/contract/answer.js';
import { LIMITS, renderBlocks } from '../../src/render/blocks.js';
import { longQuestion, question } from './arbitraries.js';

const pipeline = defaultPipeline();
const today = '2025-06-01';

/** The Answer schema's verdict, with zod's readable error when it fails (so a shrunk counterexample explains itself). */
function schemaProblems(result: unknown): string | undefined {
  const parsed = Answer.safeParse(result);
  return parsed.success ? undefined : JSON.stringify(parsed.error.issues);
}

/**
 * Every `<`, `>` or `&` in shown text must reach Slack escaped, so nothing can open a link or
 * mention; the only raw `>` allowed is our own block-quote marker at the start of a line.
 */
function hasUnescaped(json: string): boolean {
  const withoutQuotes = json.replace(/(^|"|\\n)> /g, '$1');
  return /[<>]|&(?!amp;|lt;|gt;)/.test(withoutQuotes);
}

describe('answer() under arbitrary input', () => {
  test('never throws, validates against the Answer schema, and renders within Slack limits, escaped', async () => {
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        const result = await answer(q, { pipeline, today });
        expect(schemaProblems(result)).toBeUndefined();
        const { blocks, text } = renderBlocks(pipeline.corpus, result, { shareValue: q, buttonValue: (r) => r });
        expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
        expect(Buffer.byteLength(JSON.stringify(blocks))).toBeLessThanOrEqual(LIMITS.messageBytes);
        expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        // Button values carry the user's text by design (escaped when shared), so only shown text is checked.
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

  test('questions of 10,000 to 50,000 characters are answered', async () => {
    await fc.assert(
      fc.asyncProperty(longQuestion, async (q) => {
        expect(schemaProblems(await answer(q, { pipeline, today }))).toBeUndefined();
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  test('input that is not a string at all gets a help answer, not an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((v) => typeof v !== 'string'),
        async (value) => {
          const result = await answer(value, { pipeline, today });
          expect(schemaProblems(result)).toBeUndefined();
          expect(result.intent).toBe('help');
        },
      ),
      { numRuns: 100 },
    );
  });
});
