import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SlackAuthorization } from '../../src/slack/authorization.js';
import { Delivery, DeliveryRefused } from '../../src/slack/delivery.js';
import { NoticeGate } from '../../src/slack/outcomes.js';
import { RetryableError, retryAfterMs, withRetries } from '../../src/slack/retry.js';
import { signedPost, startApp, startSlackStub } from './harness.js';

let stub: Awaited<ReturnType<typeof startSlackStub>>;
let slack: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  stub = await startSlackStub();
  slack = await startApp(stub.url);
});
afterAll(async () => {
  await slack.stop();
  await stub.close();
});

function postDeclaring(url: string, bytes: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}/slack/events`, { method: 'POST', headers: { 'content-length': bytes } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    // Only the headers are sent: the refusal must not wait for the body.
    req.flushHeaders();
  });
}

describe('the HTTP front', () => {
  test('a body declared over the limit is refused with 413 before it is sent', async () => {
    expect(await postDeclaring(slack.url, 4 * 1024 * 1024)).toBe(413);
  });

  test.each(['null', '42', '[]', '"text"'])('a signed JSON body %s gets a prompt 400', async (body) => {
    expect((await signedPost(slack.url, body)).status).toBe(400);
  });

  test('a signed form payload that is not an object gets a prompt 400', async () => {
    const res = await signedPost(slack.url, 'payload=null', { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(400);
  });
});

describe('health and readiness', () => {
  test('/healthz is liveness; /readyz gives each check with its reason', async () => {
    expect((await fetch(`${slack.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${slack.url}/readyz`);
    const body = (await ready.json()) as { ok: boolean; checks: Record<string, { ok: boolean }> };
    expect(ready.status).toBe(200);
    expect(body.checks).toMatchObject({ slack: { ok: true }, queue: { ok: true }, process: { ok: true } });
  });
});

describe('authorization is retried, never kept failed', () => {
  test('a failed auth.test is retried with backoff and the success is kept', async () => {
    let calls = 0;
    const auth = new SlackAuthorization(
      'xoxb-t',
      async () => {
        calls++;
        if (calls < 3) throw new Error('connect ECONNREFUSED');
        return { user_id: 'UBOT', bot_id: 'B', team_id: 'T' };
      },
      { firstMs: 5, maxMs: 20 },
    );
    await auth.start();
    expect(auth.state).toMatchObject({ ok: false, reason: expect.stringContaining('ECONNREFUSED') });
    // Meanwhile requests are served with the bare token.
    expect(await auth.authorize()).toEqual({ botToken: 'xoxb-t' });
    for (let i = 0; i < 100 && !auth.state.ok; i++) await new Promise((r) => setTimeout(r, 10));
    expect(auth.state.ok).toBe(true);
    expect(await auth.authorize()).toMatchObject({ botToken: 'xoxb-t', botUserId: 'UBOT' });
    auth.stop();
  });
});

describe('delivery with bounded patience', () => {
  test('one destination holds at most its own lane; others go ahead; past its queue it is refused', async () => {
    const delivery = new Delivery({ perDestination: 1, perDestinationQueued: 1, maxPending: 10 });
    const hung = delivery.send('CHANG', () => new Promise(() => {}));
    const waiting = delivery.send('CHANG', async () => {});
    await expect(delivery.send('CHANG', async () => {})).rejects.toBeInstanceOf(DeliveryRefused);
    await expect(delivery.send('COK', async () => 'sent')).resolves.toBeUndefined();
    expect(delivery.hasRoom('CHANG')).toBe(false);
    expect(delivery.hasRoom('COK')).toBe(true);
    void hung;
    void waiting;
  });

  test('retries honour Retry-After and stop at the attempt limit', async () => {
    let attempts = 0;
    const policy = { attempts: 3, firstDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 50, deadlineMs: 1000 };
    await expect(
      withRetries(async () => {
        attempts++;
        throw new RetryableError('HTTP 429', 5);
      }, policy),
    ).rejects.toThrow('429');
    expect(attempts).toBe(3);
    expect(retryAfterMs('2')).toBe(2000);
    await expect(
      withRetries(async () => {
        throw new RetryableError('HTTP 429', 60_000);
      }, policy),
    ).rejects.toThrow('429');
  });

  test('at most one refusal notice per user per window', () => {
    let now = 0;
    const gate = new NoticeGate(30_000, () => now);
    expect([gate.allow('U1'), gate.allow('U1'), gate.allow('U2')]).toEqual([true, false, true]);
    now = 30_000;
    expect(gate.allow('U1')).toBe(true);
  });
});
