import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';

describe('the pipeline answers claim checks and code lookups through the code library', () => {
  test('the same claim in 2025 and 2026 gives different, explained answers', async () => {
    const claim = 'check 77385 77387-TC hospital horizon';
    const y2025 = await answer(`${claim} 2025-03-04`);
    const y2026 = await answer(`${claim} 2026-03-04`);
    const rows = (a: typeof y2025) => a.claim?.rows.map((r) => `${r.subject} ${r.verdict}`);
    // The payer's one finding carries the claim's strongest verdict.
    expect(y2025.findings.map((f) => f.determination)).toEqual(['bundled']);
    expect(y2026.findings.map((f) => f.determination)).toEqual(['do_not_bill']);
    expect(rows(y2025)).toEqual(['77385 valid', '77387-TC bundled']);
    expect(rows(y2026)).toEqual(['77385 deleted', '77387-TC bundled']);
    expect(y2026.findings[0]?.reason).toMatch(/report 77402 or 77407 or 77412 instead/);
    expect(y2026.changes?.join(' ')).toMatch(/^Code-set change since 2026-01-01/);
    expect(y2025.changes).toEqual([]);
    expect([y2025.dateOfService, y2026.dateOfService]).toEqual([
      { date: '2025-03-04', from: 'question', written: '2025-03-04' },
      { date: '2026-03-04', from: 'question', written: '2026-03-04' },
    ]);
  });

  test.each([
    ['a verdict that differs between the two years asks which', 'DOS 3/14', ['needs_info'], /has no year/],
    ['one that does not is answered', 'DOS 3/14/2025', ['bundled'], undefined],
  ])('a date of service with no year: %s', async (_rule, date, determinations, notice) => {
    const a = await answer(`Horizon claim, POS 22, ${date}: 77386 and 77387-TC`, { today: '2026-12-02' });
    expect(a.findings.map((f) => f.determination)).toEqual(determinations);
    if (notice) expect(a.notices?.join(' ')).toMatch(notice);
    else expect(a.notices).toBeUndefined();
  });

  test.each([
    [
      'a code deleted before today: checked for its last valid day',
      '2026-03-04',
      { date: '2025-12-31', from: 'today', insteadOf: '2026-03-04' },
      'bundled',
    ],
    ['every code valid today: checked for today', '2025-03-04', { date: '2025-03-04', from: 'today' }, 'bundled'],
  ])('a claim with no date of service, %s', async (_rule, today, date, determination) => {
    const a = await answer('check 77385 77387-TC hospital horizon', { today });
    expect(a.dateOfService).toEqual(date);
    expect(a.findings.map((f) => f.determination)).toEqual([determination]);
  });

  test.each([
    [
      '2026: 76950 now means 77387',
      'what replaced 76950? date of service 2026-02-01',
      '2026-02-01',
      'On 2026-02-01 that means: 77387.',
    ],
    [
      '2020: 76950 → G6001',
      'what replaced 76950? date of service 2020-02-01',
      '2020-02-01',
      'On 2020-02-01 that means: G6001 or 77387.',
    ],
  ])('code lookup on a date of service, %s', async (_name, q, date, means) => {
    const result = await answer(q);
    expect(result.dateOfService).toMatchObject({ date, from: 'question' });
    expect(result.findings[0]?.notes).toContain(means);
  });
});
