import { describe, expect, test } from 'vitest';
import { lookupCode } from '../../src/codes/lookup.js';
import { D2025, D2026, table } from './fixtures.js';

describe('lookupCode: state and what to use on a date of service', () => {
  test.each([
    ['77385 is active in 2025', '77385', D2025, 'active', []],
    ['77385 is deleted in 2026 → 77402/77407/77412', '77385', D2026, 'deleted', ['77402', '77407', '77412']],
    ['77386 is deleted in 2026 → 77402/77407/77412', '77386', D2026, 'deleted', ['77402', '77407', '77412']],
    ['G6001 is active in 2025', 'G6001', D2025, 'active', []],
    ['G6002 is deleted in 2026 → 77387', 'G6002', D2026, 'deleted', ['77387']],
    ['G6017 is deleted in 2026 → 77387', 'G6017', D2026, 'deleted', ['77387']],
    ['77014 is replaced by 77387 from 2026', '77014', D2026, 'replaced', ['77387']],
    ['77014 is active in 2025', '77014', D2025, 'active', []],
    ['76950 → G6001 (MPFS) or 77387 (HOPPS) in 2020', '76950', '2020-02-01', 'deleted', ['G6001', '77387']],
    ['76950 walks through G6001 to 77387 in 2026', '76950', D2026, 'deleted', ['77387']],
    ['0197T → G6017 or 77387 in 2020', '0197T', '2020-02-01', 'deleted', ['G6017', '77387']],
    ['76950 is active before 2015', '76950', '2014-06-01', 'active', []],
    ['77387 is not yet valid before 2015', '77387', '2014-06-01', 'not_yet_valid', []],
    ['77387 is active in 2026', '77387', D2026, 'active', []],
    ['an unknown code', '99999', D2025, 'unknown', []],
  ])('%s', (_name, code, date, state, useInstead) => {
    const found = lookupCode(table, code, date);
    expect(found.state).toBe(state);
    expect([...found.useInstead].sort()).toEqual([...useInstead].sort());
  });

  test('the setting narrows the replacement: 76950 in an office in 2020 → G6001', () => {
    expect(lookupCode(table, '76950', '2020-02-01', { setting: 'office_freestanding' }).useInstead).toEqual(['G6001']);
  });

  test.each([
    ['G6001 replaces 76950', 'G6001', '76950'],
    ['G6002 replaces 77421', 'G6002', '77421'],
    ['G6017 replaces 0197T', 'G6017', '0197T'],
    ['77387 replaces 76950 in HOPPS (seen from 77387)', '77387', '76950'],
  ])('replacements both ways: %s', (_name, replacement, old) => {
    expect(lookupCode(table, replacement, D2025).replaces.flatMap((l) => l.codes)).toContain(old);
    expect(lookupCode(table, old, D2025).replacedBy.flatMap((l) => l.codes)).toContain(replacement);
  });

  test('statements are those in force on the date: 77387 professional-only from 2026, no-MPFS-value until 2025', () => {
    const texts = (date: string) => lookupCode(table, '77387', date).statements.map((s) => s.text);
    expect(texts(D2025).join(' ')).toMatch(/no value/);
    expect(texts(D2025).join(' ')).not.toMatch(/professional-only/);
    expect(texts(D2026).join(' ')).toMatch(/professional-only/);
    // The policy's own statements stay on both dates.
    for (const date of [D2025, D2026]) expect(texts(date).join(' ')).toMatch(/packaged into the IMRT service/);
  });

  test('a 2026 lookup carries the code-set change; a 2025 lookup does not', () => {
    expect(lookupCode(table, 'G6002', D2025).changes).toEqual([]);
    expect(lookupCode(table, 'G6002', D2026).changes.join(' ')).toMatch(/^Code-set change since 2026-01-01.*Source: ASTRO/);
  });
});
