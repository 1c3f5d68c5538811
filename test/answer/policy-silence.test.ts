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

describe('policy questions the policies answer, however they are put', () => {
  test.each([
    [
      'a limit the policy sets: Horizon allows one method a day, CVS says nothing of it',
      'does CVS restrict image guidance to one technique per day? and Horizon?',
      { cvs: 'not_addressed', horizon: 'info' },
      /only one method or technique of IGRT is allowed daily/,
    ],
    [
      'the member contract against the policy: Horizon says the contract prevails',
      'Horizon: when the benefit plan contract differs from the IGRT policy, which governs?',
      { horizon: 'info' },
      /the contract prevails/,
    ],
    [
      'the policy number and its manual section',
      'what is the MP # for horizon igrt, which manual section?',
      { horizon: 'info' },
      /Medical Policy 139.*section Radiology/,
    ],
    [
      'an LCD number is the Medicare determinations, not the policy number',
      'horizon medicare advantage: which novitas LCD number covers IMRT?',
      { horizon: 'info' },
      /L36711/,
    ],
    ['whom the policy is scoped to', 'who is the CVS igrt policy scoped to?', { cvs: 'info' }, /Radiation Oncology program/],
  ])('%s', async (_name, question, expected, says) => {
    const reply = await answer(question, { today: '2026-11-23' });
    expect(reply.intent).toBe('policy_info');
    expect(Object.fromEntries(reply.findings.map((f) => [f.payer, f.determination]))).toEqual(expected);
    expect(reply.text).toMatch(says);
  });
});
