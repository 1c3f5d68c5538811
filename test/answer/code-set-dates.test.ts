import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import type { Answer } from '../../src/contract/answer.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { DETERMINATION_WORDS } from '../../src/render/words.js';

const { corpus } = defaultPipeline();

/**
 * When each code can be reported, written out here (not read from the code table) so the test
 * checks the table too: the last valid day, or the first, for the codes around 2026-01-01.
 */
const VALIDITY: Readonly<Record<string, { from?: string; to?: string }>> = {
  G6001: { from: '2015-01-01', to: '2025-12-31' },
  G6002: { from: '2015-01-01', to: '2025-12-31' },
  G6017: { from: '2015-01-01', to: '2025-12-31' },
  '77385': { from: '2015-01-01', to: '2025-12-31' },
  '77386': { from: '2015-01-01', to: '2025-12-31' },
  '77387': { from: '2015-01-01' },
  '76950': { to: '2014-12-31' },
};
const DATES = ['2014-12-31', '2025-06-30', '2025-12-31', '2026-01-01', '2026-02-09'];

const valid = (code: string, date: string) => {
  const { from, to } = VALIDITY[code] ?? {};
  return (!from || from <= date) && (!to || date <= to);
};

const rows = Object.keys(VALIDITY).flatMap((code) =>
  DATES.map((date) => [valid(code, date) ? 'reportable' : 'barred', code, date, valid(code, date)] as const),
);

/** The first payer section of the plain text: its heading line and determination line. */
function headOf(result: Answer): string {
  return (result.text.split('\n\n')[1] ?? '').split('\n').slice(0, 2).join('\n');
}

function blockTexts(result: Answer): string {
  return JSON.stringify(renderBlocks(corpus, result).blocks);
}

describe('codes.line.deleted / replaced / not-yet-valid in billing questions about a case', () => {
  test.each(rows)('%s: %s on %s', async (_label, code, date, reportable) => {
    const result = await answer(`Horizon, freestanding office, IMRT prostate, DOS ${date}: can I bill ${code}?`, {
      today: '2026-06-01',
    });
    expect(result.intent).toBe('billing');
    const [finding] = result.findings;
    if (reportable) {
      // The code does not decide: the policy's answer stands, and nothing leads with a code problem.
      expect(finding?.ruleId).not.toMatch(/^codes\.line\./);
      expect(result.lead).toBeUndefined();
      return;
    }
    // The finding, the lead, the plain text and the Slack blocks all say the same: do not bill.
    expect(finding).toMatchObject({ payer: 'horizon', determination: 'do_not_bill' });
    expect(finding?.ruleId).toMatch(/^codes\.line\.(deleted|replaced|not-yet-valid)$/);
    expect(finding?.reason).toContain(code);
    expect(result.lead?.[0]).toContain(`Not valid on the date of service: ${code}`);
    // The policy's own answer is kept, as a note, for dates when the code was valid.
    expect(finding?.notes[0]).toMatch(/^For a date of service when .+ was valid, the policy's answer: /);
    const { words } = DETERMINATION_WORDS.do_not_bill;
    expect(headOf(result)).toContain(`Horizon BCBSNJ — `);
    expect(headOf(result)).toContain(words);
    for (const other of ['separately_billable', 'bundled'] as const) {
      expect(headOf(result)).not.toContain(DETERMINATION_WORDS[other].words);
    }
    expect(blockTexts(result)).toContain(words);
  });

  test('a replacement code in force is named in the reason', async () => {
    const result = await answer(
      'DOS 02/09/2026, Horizon, freestanding office, ultrasound guidance for prostate IMRT. bill G6001?',
    );
    expect(result.findings[0]?.determination).toBe('do_not_bill');
    expect(result.findings[0]?.reason).toMatch(/report 77387 instead/);
    expect(result.findings[0]?.changes.join(' ')).toMatch(/Code-set change since 2026-01-01/);
  });

  test('a year for the date of service ("in 2026") decides for every payer asked', async () => {
    const result = await answer('is 77386 still billable for a DOS in 2026?', { today: '2026-03-01' });
    expect(result.findings.map((f) => [f.payer, f.determination])).toEqual([
      ['cvs', 'do_not_bill'],
      ['horizon', 'do_not_bill'],
    ]);
    expect(result.text).not.toMatch(/📦|💲/);
  });

  test('with no date of service the policy’s answer stands and the lead says it is for a date the code was valid', async () => {
    const result = await answer('Horizon, freestanding office, IMRT prostate: can I bill G6002?', { today: '2026-03-01' });
    expect(result.findings[0]?.determination).toBe('separately_billable');
    expect(result.lead?.[0]).toMatch(
      /^No date of service given, so today: G6002 is deleted .* the policy's, for a date of service when G6002 was valid/,
    );
  });

  test('an external source is shown as one, never as a policy section', async () => {
    const result = await answer('Horizon office DOS 2026-02-09: can I bill G6002?');
    expect(result.findings[0]?.citation.section).toBe('external source');
    expect(result.text).toMatch(/\nSource: \[External source, not policy text\]/);
    expect(result.text).not.toMatch(/Policy external source/);
    expect(blockTexts(result)).not.toMatch(/Policy section external source/);
  });
});
