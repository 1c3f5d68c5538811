import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RateLimiter } from '../../src/slack/rate-limit.js';
import { askCommand, type CommandAnswer, eventBody, signedPost, startApp, startSlackStub, waitForCalls } from './harness.js';

let stub: Awaited<ReturnType<typeof startSlackStub>>;
let slack: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  stub = await startSlackStub();
  slack = await startApp(stub.url, { limiter: new RateLimiter(3, 0.001) });
});
afterAll(async () => {
  await slack.stop();
  await stub.close();
});

const posts = (channel: string) => (c: { path: string; body: Record<string, unknown> }) =>
  c.path === '/api/chat.postMessage' && c.body.channel === channel;

describe('abuse and a misbehaving Web API', () => {
  test('a 429 with Retry-After is waited out and the answer still arrives', async () => {
    stub.failures.set('chat.postMessage', [{ status: 429, headers: { 'retry-after': '1' } }]);
    await signedPost(
      slack.url,
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'U7',
        text: 'Horizon IMRT',
        channel: 'D429',
        ts: '1900000000.000100',
      }),
    );
    const ok = await waitForCalls(stub.calls, posts('D429'), 2, 8000);
    expect(ok.length).toBeGreaterThanOrEqual(2);
  }, 15_000);

  test('a failing Web API (500s) is retried, then reported, and the app keeps serving', async () => {
    stub.failures.set(
      'chat.postMessage',
      Array.from({ length: 10 }, () => ({ status: 500 })),
    );
    await signedPost(
      slack.url,
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'U8',
        text: 'Horizon IMRT',
        channel: 'D500',
        ts: '1900000001.000100',
      }),
    );
    await new Promise((r) => setTimeout(r, 4000));
    stub.failures.delete('chat.postMessage');
    const health = await fetch(`${slack.url}/healthz`);
    expect(health.status).toBe(200);
    await signedPost(
      slack.url,
      eventBody({ type: 'message', channel_type: 'im', user: 'U8', text: 'CVS IMRT', channel: 'D501', ts: '1900000002.000100' }),
    );
    expect(await waitForCalls(stub.calls, posts('D501'))).toHaveLength(1);
  }, 20_000);

  test('a user over the rate limit gets a polite reply in the ack, not silence and not an answer', async () => {
    const told: CommandAnswer[] = [];
    for (let i = 0; i < 4; i++) told.push(await askCommand(slack.url, stub, 'Horizon IMRT', `/respond/rl${i}`, 'URATE'));
    const refused = told.filter((t) => String(t.body.text).includes('faster than I can answer'));
    expect(refused.map((t) => t.via)).toEqual(['ack']);
    expect(told.filter((t) => JSON.stringify(t.body.blocks ?? []).includes('medically necessary'))).toHaveLength(3);
  });
});
