import { describe, expect, test } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

function problems(env: Record<string, string>): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the environment is validated once, at start-up', () => {
  test('nothing set: the console', () => {
    expect(readConfig({}).mode).toBe('console');
  });

  test('HTTP mode carries the Redis URL and the answer queue bounds', () => {
    const config = readConfig({ ...slack, REDIS_URL: 'redis://127.0.0.1:6379', ANSWER_CONCURRENCY: '4', ANSWER_QUEUE_MAX: '50' });
    expect(config).toMatchObject({ mode: 'http', redisUrl: 'redis://127.0.0.1:6379', queue: { concurrency: 4, maxQueued: 50 } });
  });

  test('defaults: memory store, 32 answers at once, 1,000 waiting, refused when the oldest has waited 3 s', () => {
    const config = readConfig(slack);
    expect(config).toMatchObject({ mode: 'http', queue: { concurrency: 32, maxQueued: 1000, maxWaitMs: 3000 } });
    expect('redisUrl' in config).toBe(false);
  });

  test('HTTP front limits: the defaults unless set, then as given', () => {
    expect(readConfig(slack)).toMatchObject({
      http: { bodyLimitBytes: 524288, headersTimeoutMs: 10000, requestTimeoutMs: 15000, keepAliveTimeoutMs: 5000 },
    });
    expect(readConfig({ ...slack, HTTP_BODY_LIMIT_BYTES: '65536', HTTP_KEEP_ALIVE_TIMEOUT_MS: '2000' })).toMatchObject({
      http: { bodyLimitBytes: 65536, keepAliveTimeoutMs: 2000 },
    });
  });

  test('DEFAULT_TIME_ZONE: UTC unless set', () => {
    expect(readConfig(slack)).toMatchObject({ defaultTimeZone: 'UTC' });
    expect(readConfig({ ...slack, DEFAULT_TIME_ZONE: 'America/New_York' })).toMatchObject({
      defaultTimeZone: 'America/New_York',
    });
  });

  test('COMMAND_ACK_BUDGET_MS: a command waits 1 s for its answer to ride in the ack unless set; 0 never waits', () => {
    expect(readConfig(slack)).toMatchObject({ commandAckBudgetMs: 1000 });
    expect(readConfig({ ...slack, COMMAND_ACK_BUDGET_MS: '0' })).toMatchObject({ commandAckBudgetMs: 0 });
  });

  test.each([
    ['COMMAND_ACK_BUDGET_MS too close to Slack’s 3 s', { ...slack, COMMAND_ACK_BUDGET_MS: '2500' }, 'COMMAND_ACK_BUDGET_MS'],
    ['REDIS_URL not a Redis URL', { ...slack, REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    ['ANSWER_CONCURRENCY zero', { ...slack, ANSWER_CONCURRENCY: '0' }, 'ANSWER_CONCURRENCY'],
    ['ANSWER_QUEUE_MAX not a number', { ...slack, ANSWER_QUEUE_MAX: 'lots' }, 'ANSWER_QUEUE_MAX'],
    ['ANSWER_MAX_WAIT_MS not a number', { ...slack, ANSWER_MAX_WAIT_MS: 'soon' }, 'ANSWER_MAX_WAIT_MS'],
    ['signing secret missing', { SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    ['DEFAULT_TIME_ZONE not a time zone', { ...slack, DEFAULT_TIME_ZONE: 'Mars/Olympus' }, 'DEFAULT_TIME_ZONE'],
    ['HTTP_BODY_LIMIT_BYTES not a number', { ...slack, HTTP_BODY_LIMIT_BYTES: '1MB' }, 'HTTP_BODY_LIMIT_BYTES'],
    ['HTTP_BODY_LIMIT_BYTES too small for a Slack payload', { ...slack, HTTP_BODY_LIMIT_BYTES: '100' }, 'HTTP_BODY_LIMIT_BYTES'],
    ['HTTP_HEADERS_TIMEOUT_MS negative', { ...slack, HTTP_HEADERS_TIMEOUT_MS: '-5' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    ['HTTP_REQUEST_TIMEOUT_MS fractional', { ...slack, HTTP_REQUEST_TIMEOUT_MS: '1500.5' }, 'HTTP_REQUEST_TIMEOUT_MS'],
    ['HTTP_KEEP_ALIVE_TIMEOUT_MS not a number', { ...slack, HTTP_KEEP_ALIVE_TIMEOUT_MS: 'long' }, 'HTTP_KEEP_ALIVE_TIMEOUT_MS'],
  ])('%s: fails naming %s', (_name, env, variable) => {
    expect(problems(env).some((p) => p.startsWith(variable))).toBe(true);
  });

  test('every problem is listed together', () => {
    const listed = problems({ SLACK_BOT_TOKEN: 'nope', REDIS_URL: 'http://x', PORT: 'x' });
    for (const variable of ['SLACK_BOT_TOKEN', 'REDIS_URL', 'PORT']) expect(listed.join('\n')).toContain(variable);
  });
});
