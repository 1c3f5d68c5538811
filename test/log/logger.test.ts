import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createLogger, logAnswer } from '../../src/log/logger.js';
import { redactIdentifiers } from '../../src/log/redact.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

const question =
  'Pt John Doe MRN 12345678, DOB 03/14/1961, ssn 123-45-6789, call 973-555-0142 or jd@example.org: Horizon 77387-TC with 77385, G6001, 0197T?';
const entry = { requestId: 'r1', surface: 'command', intent: 'billing', determinations: ['horizon:bundled'], ms: 1, question };

describe('logs without PHI', () => {
  test('by default the question text is not logged at all', () => {
    const { lines, stream } = capture();
    logAnswer(createLogger({}, stream), entry);
    const out = lines.join('');
    expect(out).toContain('"intent":"billing"');
    expect(out).toContain('horizon:bundled');
    expect(out).not.toContain('John');
    expect(out).not.toContain('77387');
  });

  test('with text logging on, identifiers are masked and codes stay readable', () => {
    const { lines, stream } = capture();
    logAnswer(createLogger({ logQuestionText: true }, stream), entry, { logQuestionText: true });
    const out = lines.join('');
    for (const identifier of ['12345678', '03/14/1961', '123-45-6789', '973-555-0142', 'jd@example.org'])
      expect(out).not.toContain(identifier);
    for (const code of ['77387-TC', '77385', 'G6001', '0197T']) expect(out).toContain(code);
  });

  test.each([
    ['a token in a message', (log: ReturnType<typeof createLogger>) => log.info('connecting with xoxb-1234-5678-abcdef')],
    ['a token in a field', (log: ReturnType<typeof createLogger>) => log.info({ botToken: 'xoxb-1234-5678-abcdef' }, 'config')],
    [
      'a secret nested in an object',
      (log: ReturnType<typeof createLogger>) =>
        log.info({ config: { signingSecret: 'shh-very-secret' }, headers: { authorization: 'Bearer xoxb-1234' } }),
    ],
    [
      'an app token in any string field',
      (log: ReturnType<typeof createLogger>) => log.warn({ detail: 'used xapp-1-A111-222-abc' }),
    ],
  ])('secrets never reach the log: %s', (_name, write) => {
    const { lines, stream } = capture();
    write(createLogger({}, stream));
    const out = lines.join('');
    expect(out).not.toMatch(/xoxb-1234|xapp-1-A111|shh-very-secret/);
  });

  test('redaction keeps clinical and coding words', () => {
    expect(redactIdentifiers('3DCRT prostate, 77387 on 2025-03-04, MRN: A998877')).toBe('3DCRT prostate, 77387 on [date], [id]');
  });
});
