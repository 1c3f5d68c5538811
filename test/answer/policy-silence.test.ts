import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';

describe('policy questions on topics a policy never mentions', () => {
  test.each([
    ['prior authorisation, in neither policy', 'does CVS require prior auth for IGRT?', { cvs: 'not_addressed' }],
    [
      'port films: Horizon speaks of them, CVS does not',
      'what does the policy say about port films',
      { cvs: 'not_addressed', horizon: 'info' },
    ],
    ['brachytherapy, which CVS addresses', 'what does the CVS policy say about brachytherapy?', { cvs: 'info' }],
  ])('%s: "%s"', async (_name, question, expected) => {
    const reply = await answer(question, { today: '2026-11-23' });
    expect(reply.intent).toBe('policy_info');
    expect(Object.fromEntries(reply.findings.map((f) => [f.payer, f.determination]))).toEqual(expected);
  });
});
