import { describe, expect, test } from 'vitest';
import { createLogger, logAnswer } from '../../src/log/logger.js';
import { capture } from './capture.js';

const question =
  'Pt John Doe MRN 12345678, DOB 03/14/1961, ssn 123-45-6789, call 973-555-0142 or jd@example.org: Horizon 77387-TC with 77385, G6001, 0197T?';
const entry = {
  requestId: 'r1',
  surface: 'command',
  intent: 'billing',
  determinations: ['horizon:bundled'],
  ms: 1,
  timings: { answer: 0.4, render: 0.2 },
  question,
};

type Log = ReturnType<typeof createLogger>;

describe('answered questions are logged without PHI', () => {
  test('by default: request id, intent, determinations and timings, and no question text at all', () => {
    const out = capture();
    logAnswer(createLogger({}, out.stream), entry);
    const line = JSON.parse(out.text()) as Record<string, unknown>;
    expect(line).toMatchObject({ event: 'answered', requestId: 'r1', intent: 'billing', determinations: ['horizon:bundled'] });
    expect(line.timings).toEqual({ answer: 0.4, render: 0.2 });
    expect(line.question).toBeUndefined();
    for (const fragment of ['John', '12345678', '1961', '77387']) expect(out.text()).not.toContain(fragment);
  });

  test.each([
    ['the factory flag', { logQuestionText: true }, {}],
    ['the call option', {}, { logQuestionText: true }],
  ])('text logging on (%s): identifiers masked, codes readable', (_name, factory, call) => {
    const out = capture();
    logAnswer(createLogger(factory, out.stream), entry, call);
    const logged = (JSON.parse(out.text()) as { question: string }).question;
    for (const identifier of ['12345678', '03/14/1961', '123-45-6789', '973-555-0142', 'jd@example.org'])
      expect(logged).not.toContain(identifier);
    for (const code of ['77387-TC', '77385', 'G6001', '0197T', 'Horizon']) expect(logged).toContain(code);
  });

  test('the call option can turn text logging off for a logger created with it on', () => {
    const out = capture();
    logAnswer(createLogger({ logQuestionText: true }, out.stream), entry, { logQuestionText: false });
    expect(out.text()).not.toContain('77387');
  });
});

const TOKENS =
  /xoxb-1234|xoxp-5555|xapp-1-A111|shh-very-secret|hunter2|Zm9vOmJhcg|cs-abc|childtok|0123456789abcdef0123456789abcdef/;

describe('secrets never reach the log', () => {
  test.each<[string, (log: Log) => void]>([
    ['a token in the message', (log) => log.info('connecting with xoxb-1234-5678-abcdef')],
    ['a token in an interpolation argument', (log) => log.info('got %s and %o', 'xoxp-5555-1', { detail: 'xapp-1-A111-2' })],
    ['a token in a named field', (log) => log.info({ botToken: 'xoxb-1234-5678-abcdef' }, 'config')],
    ['any field named like a secret', (log) => log.info({ slackSigningSecret: 'shh-very-secret', dbPassword: 'hunter2' })],
    ['an authorization header', (log) => log.info({ req: { headers: { Authorization: 'Basic Zm9vOmJhcg==' } } })],
    ['secrets nested deep and in arrays', (log) => log.info({ a: { b: { c: [{ clientSecret: 'cs-abc' }] } } })],
    ['a config object', (log) => log.info({ config: { signingSecret: 'shh-very-secret', port: 3000 } })],
    ['a token in any string field', (log) => log.warn({ detail: 'used xapp-1-A111-222-abc' })],
    ['a token in an error message', (log) => log.error(new Error('auth failed for xoxb-1234-9'))],
    ['a token in a nested error', (log) => log.error({ err: new Error('xoxp-5555-2 revoked') }, 'failed')],
    ['a hex signing secret in text', (log) => log.info('secret is 0123456789abcdef0123456789abcdef')],
    ['a child logger binding', (log) => log.child({ apiToken: 'childtok' }).info('child')],
  ])('%s', (_name, write) => {
    const out = capture();
    write(createLogger({}, out.stream));
    expect(out.text()).not.toMatch(TOKENS);
    expect(out.text()).not.toBe('');
  });

  test.each<[string, (log: Log) => void]>([
    ['in the logged object', (log) => log.info({ config: { port: 3000, mode: 'http' } })],
    ['in a child binding', (log) => log.child({ config: { port: 3000, mode: 'http' } }).info('child')],
    ['in an interpolated object', (log) => log.info('started with %o', { config: { port: 3000, mode: 'http' } })],
  ])('configuration is never written, whatever its fields are called (%s)', (_name, write) => {
    const out = capture();
    write(createLogger({}, out.stream));
    expect(out.text()).not.toMatch(/3000|http/);
    expect(out.text()).toContain('[secret]');
  });

  test('errors keep their type and message (minus the token) and circular objects do not hang', () => {
    const out = capture();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const log = createLogger({}, out.stream);
    log.error(new TypeError('bad xoxb-1234-9 here'));
    log.info({ circular }, 'circular');
    const [error, loop] = out.lines.map(
      (l) => JSON.parse(l) as Record<string, { type?: string; message?: string; self?: unknown }>,
    );
    expect(error?.err).toMatchObject({ type: 'TypeError', message: 'bad [secret] here' });
    expect(loop?.circular?.self).toBe('[circular]');
  });
});
