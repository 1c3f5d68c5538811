import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';

const pipeline = defaultPipeline();

/**
 * Which codes report each IGRT method, written out here (not read from the code table) so the
 * test checks the table: by date of service, the codes a coder may report and those no longer.
 */
const CASES = [
  ['cbct', 'which code for cbct in 2024?', ['77387', '77014'], ['G6001', 'G6002']],
  ['cbct', 'which code for CBCT?', ['77387'], ['77014 (any setting, replaced by 77387']],
  [
    'ultrasound',
    'what cpt do we use for ultrasound guidance, DOS 3/4/2025',
    ['77387', 'G6001'],
    ['76950 (any setting, until 2014-12-31)'],
  ],
  ['stereoscopic', 'code for ExacTrac DOS 2024-05-01', ['77387', 'G6002'], ['77421']],
  ['surface', "what's the code for surface guidance in 2025", ['77387', 'G6017'], ['0197T']],
  ['kv planar', 'what code do I use for kV imaging', ['77387'], []],
] as const;

describe('a code for an IGRT method: the codes that report it, on the date of service', () => {
  test.each(CASES)('%s: "%s"', async (_method, question, reportable, earlier) => {
    const a = await answer(question, { pipeline, today: '2026-12-02' });
    expect(a.intent).toBe('code_lookup');
    const [head] = a.text.split('\n\n');
    for (const code of reportable) expect(head).toContain(code);
    for (const code of earlier) expect(a.text).toContain(code);
    // Codes of other methods are not offered.
    const other = ['G6001', 'G6002', 'G6017'].filter((c) => !reportable.some((r) => r === c));
    for (const code of other) expect(head).not.toMatch(new RegExp(`\\b${code} \\(`));
  });

  test('a method named in a case is the case, not a lookup: "what code for CBCT with IMRT prostate, horizon"', async () => {
    const a = await answer('what code for CBCT with IMRT prostate horizon', { pipeline, today: '2026-12-02' });
    expect(a.intent).not.toBe('code_lookup');
  });

  test('adding a method is clinical, adding a code is billing', async () => {
    const method = await answer('Horizon: en face electrons for scalp SCC, can we add CBCT?', { pipeline, today: '2026-12-02' });
    expect(method.intent).toBe('coverage');
    const code = await answer('can we add 77387 to the SBRT course?', { pipeline, today: '2026-12-02' });
    expect(code.intent).toBe('billing');
  });
});
