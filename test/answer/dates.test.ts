import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { localDate } from '../../src/answer/local-date.js';

const TODAY = '2025-06-01';
const ask = (question: string) => answer(question, { today: TODAY });

describe('dates of service: years, codes not valid on the date, and whose policy a change note names', () => {
  test.each([
    ['"in 2026" is read as that year and said', 'Horizon hospital: can I bill 77387-TC with 77385 in 2026?', '2026-01-01', 2026],
    ['"CY2025" in the current year is today', 'CY2025 horizon hospital 77387-TC with 77385?', TODAY, 2025],
    ['"calendar year 2024"', 'Horizon hospital, calendar year 2024: 77387-TC with 77385?', '2024-01-01', 2024],
  ])('%s', async (_rule, question, date, year) => {
    const result = await ask(question);
    expect(result.dateOfService).toMatchObject({ date, from: 'question', year });
    expect(result.text).toContain(`the year ${year}, from the question`);
  });

  test('a year of the patient’s history is not a date of service', async () => {
    const result = await ask('CVS 3dcrt lung palliative, prior RT in 2019, can I bill 77387?');
    expect(result.dateOfService).toMatchObject({ date: TODAY, from: 'today' });
  });

  test('a code not valid on the date of service leads the answer', async () => {
    const result = await ask('Horizon hospital: is 77387-TC billable with 77385 on 2026-03-01?');
    expect(result.lead?.[0]).toMatch(/77385 is deleted on 2026-03-01/);
    expect(result.text.split('\n')[0]).toMatch(/^⚠️ Not valid on the date of service: 77385 is deleted/);
    expect((await ask('Horizon hospital: is 77387-TC billable with 77385 on 2025-03-01?')).lead).toBeUndefined();
  });

  test('the code-set note names the finding’s own payer and policy', async () => {
    const result = await ask('CVS IMRT: can I bill 77385 and 77387 on 2026-02-03?');
    const notes = result.findings.flatMap((f) => f.changes).join(' ');
    expect(notes).toContain('policy: CVS Health');
    expect(notes).not.toContain('Horizon');
  });
});

// The asker's date is kept per zone for the second it was read for; either side of a local
// midnight it must be each instant's own date, in zones whose offsets are not whole hours too.
describe('the asker’s date around local midnight', () => {
  test.each([
    ['America/New_York', '2025-03-09T04:59:59.999Z', '2025-03-08', '2025-03-09T05:00:00.000Z', '2025-03-09'],
    ['Asia/Kolkata', '2025-06-01T18:29:59.999Z', '2025-06-01', '2025-06-01T18:30:00.000Z', '2025-06-02'],
    ['Asia/Kathmandu', '2025-06-01T18:14:59.999Z', '2025-06-01', '2025-06-01T18:15:00.000Z', '2025-06-02'],
    ['Africa/Monrovia', '1970-06-01T00:44:29.999Z', '1970-05-31', '1970-06-01T00:44:30.000Z', '1970-06-01'],
  ])('%s: %s is %s, %s is %s', (zone, before, dayBefore, after, dayAfter) => {
    expect(localDate(new Date(before), zone)).toBe(dayBefore);
    expect(localDate(new Date(after), zone)).toBe(dayAfter);
    expect(localDate(new Date(before), zone)).toBe(dayBefore);
  });
});
