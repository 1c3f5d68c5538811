import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import type { Answer } from '../../src/contract/answer.js';
import { LIMITS, renderBlocks } from '../../src/render/blocks.js';

const corpus = defaultPipeline().corpus;
const sectionTexts = (blocks: ReturnType<typeof renderBlocks>['blocks']) =>
  blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
const messageBytes = (blocks: unknown) => Buffer.byteLength(JSON.stringify(blocks));
// What the Slack adapter adds to every answer: Share, feedback (and their record id).
const BUTTONS = { shareValue: 'Ab3dEf6hIj9k', feedbackValue: 'Ab3dEf6hIj9k', buttonValue: () => 'Ab3dEf6hIj9k:0' };

/** A claim answer with `n` rows whose reasons are long, as a real check of many codes gives. */
function claimOf(n: number): Answer {
  const rows = Array.from({ length: n }, (_, i) => ({
    subject: `9${String(i).padStart(4, '0')}`,
    payers: ['horizon'],
    verdict: 'unknown' as const,
    reason: `line ${i}: not in the code table and no policy here names it; check it against the code set before billing it.`,
  }));
  return {
    intent: 'billing',
    findings: [],
    text: '',
    facts: {},
    claim: { payers: ['horizon'], rows },
    summary: `${n} line(s) checked`,
  };
}

describe('claim checks at real size', () => {
  test.each([
    ['one payer', 'horizon'],
    ['both payers (a row per payer where they differ)', ''],
  ])(
    'a 40-line check, %s: every line in the message or its file, the message within Slack’s size and section limits',
    async (_rule, payer) => {
      const codes = ['77385', '77386', '77387', '77387-TC', '77387-26', 'G6001', 'G6002', 'G6017', '77014', '77421'];
      const unknown = Array.from({ length: 30 }, (_, i) => String(99201 + i));
      const result = await answer(`check ${[...codes, ...unknown].join(' ')} hospital ${payer} 2025-03-04`);
      const { blocks, file } = renderBlocks(corpus, result, BUTTONS);
      const shown = `${sectionTexts(blocks).join('\n')}\n${file?.content ?? ''}`;
      for (const code of [...codes, ...unknown]) expect(shown).toMatch(new RegExp(`(^|\\n)${code}\\s`));
      expect(result.summary).toMatch(/^40 line\(s\) checked/);
      expect(messageBytes(blocks)).toBeLessThanOrEqual(LIMITS.messageBytes);
      for (const text of sectionTexts(blocks)) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    },
  );

  test('a check that fits is all in the message, with no file', async () => {
    const result = await answer('check 77385 77387-TC 77014 G6002 hospital horizon 2025-03-04');
    const { blocks, file } = renderBlocks(corpus, result, BUTTONS);
    expect(file).toBeUndefined();
    for (const code of ['77385', '77387-TC', '77014', 'G6002']) expect(sectionTexts(blocks).join('\n')).toContain(code);
  });

  test('past what a message holds, the rest is said and the whole table is the file — nothing dropped silently', () => {
    const { blocks, file } = renderBlocks(corpus, claimOf(1500), BUTTONS);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(messageBytes(blocks)).toBeLessThanOrEqual(LIMITS.messageBytes);
    const shown = sectionTexts(blocks).join('\n');
    const visible = (shown.match(/\n9\d{4}\s/g) ?? []).length;
    // The message is filled to near its size limit before the rest goes to the file.
    expect(visible).toBeGreaterThan(50);
    expect(shown).toContain(`${1500 - visible} more line(s) than a message holds`);
    expect(file?.filename).toBe('claim-check.txt');
    expect(file?.content.split('\n')).toHaveLength(1501);
  });

  test('the payer’s finding carries the claim’s strongest verdict', async () => {
    const bundled = await answer('check 77385 77387-TC hospital horizon 2025-03-04');
    expect(bundled.findings.map((f) => [f.payer, f.determination])).toEqual([['horizon', 'bundled']]);
    const clean = await answer('check 77387-26 hospital horizon 2025-03-04');
    expect(clean.findings.map((f) => f.determination)).toEqual(['info']);
    const barred = await answer('check 77385 77387-TC hospital horizon 2026-03-04');
    expect(barred.findings.map((f) => f.determination)).toEqual(['do_not_bill']);
  });
});
