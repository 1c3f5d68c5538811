import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { RedisFeedbackStore } from '../../src/context/feedback-store.js';
import { RedisEventDeduper } from '../../src/context/redis-dedupe.js';
import { RedisContextStore } from '../../src/context/redis-store.js';
import { actionBody, askCommand, eventBody, signedPost, startApp, startSlackStub, waitForCalls } from './harness.js';

const form = { contentType: 'application/x-www-form-urlencoded' };

import { haveRedisServer, startRedisServer } from './redis-server.js';

// CI installs redis-server (.ci/run); there a missing binary is a failure, locally a skip.
const runnable = haveRedisServer();
if (!runnable && process.env.CI)
  throw new Error('redis-server is not installed: .ci/run must install it (apt-get install redis-server)');

describe.skipIf(!runnable)('two instances sharing one Redis', () => {
  let redisServer: Awaited<ReturnType<typeof startRedisServer>>;
  let stub: Awaited<ReturnType<typeof startSlackStub>>;
  const clients: Redis[] = [];
  const apps: Awaited<ReturnType<typeof startApp>>[] = [];

  const instance = async () => {
    const redis = new Redis(redisServer.url);
    clients.push(redis);
    const app = await startApp(stub.url, { store: new RedisContextStore(redis), dedupe: new RedisEventDeduper(redis) });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    redisServer = await startRedisServer();
    stub = await startSlackStub();
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    for (const client of clients) await client.quit();
    await stub.close();
    await redisServer.stop();
  });

  test('the store round-trips and expires', async () => {
    const redis = new Redis(redisServer.url);
    clients.push(redis);
    const store = new RedisContextStore(redis, 100);
    await store.set('t', { intent: 'coverage', facts: { modality: 'imrt' }, payers: ['cvs'] });
    expect(await store.get('t')).toEqual({ intent: 'coverage', facts: { modality: 'imrt' }, payers: ['cvs'] });
    await new Promise((r) => setTimeout(r, 200));
    expect(await store.get('t')).toBeUndefined();
  });

  test('a follow-up answered by the other instance keeps the thread’s context', async () => {
    const a = await instance();
    const b = await instance();
    expect(a.url).not.toBe(b.url);
    const root = '1800000000.000100';
    await signedPost(
      a.url,
      eventBody({ type: 'app_mention', user: 'U1', text: '<@UBOT> Horizon 3DCRT lung cancer', channel: 'CR', ts: root }),
    );
    await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CR');
    await signedPost(
      b.url,
      eventBody({
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        text: 'and for CVS?',
        channel: 'CR',
        ts: '1800000001.000100',
        thread_ts: root,
      }),
    );
    const [, second] = await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CR', 2);
    expect(JSON.stringify(second?.body.blocks)).toContain('curative or palliative');
  });

  test('a retried event delivered to both instances is answered once', async () => {
    const [a, b] = apps.length >= 2 ? apps : [await instance(), await instance()];
    const mention = eventBody(
      { type: 'app_mention', user: 'U1', text: '<@UBOT> CVS IMRT', channel: 'CD', ts: '1800000002.000100' },
      'EvDup',
    );
    await Promise.all([
      signedPost(a?.url ?? '', mention),
      signedPost(b?.url ?? '', mention, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
    ]);
    await new Promise((r) => setTimeout(r, 600));
    expect(stub.calls.filter((c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CD')).toHaveLength(1);
  });

  test('answer() through a Redis store keeps a thread across store instances', async () => {
    const one = new RedisContextStore(new Redis(redisServer.url));
    const two = new RedisContextStore(new Redis(redisServer.url));
    await answer('CVS 3DCRT prostate', { store: one, threadId: 'shared' });
    const next = await answer('curative', { store: two, threadId: 'shared' });
    expect(next.findings.map((f) => f.determination)).toEqual(['medically_necessary']);
    for (const store of [one, two]) await (store as unknown as { redis: Redis }).redis.quit();
  });

  test('the key-value side of the store round-trips and expires (answers kept for Share)', async () => {
    const redis = new Redis(redisServer.url);
    clients.push(redis);
    const store = new RedisContextStore(redis);
    await store.putValue('answer:x', 'kept', 100);
    expect(await store.getValue('answer:x')).toBe('kept');
    await new Promise((r) => setTimeout(r, 200));
    expect(await store.getValue('answer:x')).toBeUndefined();
  });

  test('Share on one instance posts the answer another instance gave', async () => {
    const a = await instance();
    const b = await instance();
    const asked = await askCommand(a.url, stub, 'Horizon IMRT prostate', '/respond/ro1');
    const share = ((asked?.body.blocks ?? []) as { block_id?: string; elements?: { value: string }[] }[]).find(
      (block) => block.block_id === 'igrt_share',
    )?.elements?.[0]?.value;
    await signedPost(b.url, actionBody({ action_id: 'igrt_share', value: share ?? '' }, `${stub.url}/respond/ro2`, true), form);
    const [shared] = await waitForCalls(stub.calls, (c) => c.path === '/respond/ro2' && c.body.response_type === 'in_channel');
    expect(JSON.stringify(shared?.body.blocks)).toContain('IGRT is medically necessary');
  });

  test('feedback in Redis is a sorted set trimmed by age and count', async () => {
    const redis = new Redis(redisServer.url);
    clients.push(redis);
    let now = Date.parse('2026-01-10T00:00:00Z');
    const store = new RedisFeedbackStore(redis, { retentionMs: 86_400_000, maxEntries: 2, now: () => now }, 'igrt:test-feedback');
    const entry = (at: string, question: string) =>
      ({ at, rating: 'down', question, intent: 'coverage', given: {}, answer: 'a' }) as const;
    await store.add(entry('2026-01-08T00:00:00Z', 'too old'));
    await store.add(entry('2026-01-09T12:00:00Z', 'one MRN 12345678'));
    await store.add(entry('2026-01-09T13:00:00Z', 'two'));
    await store.add(entry('2026-01-09T14:00:00Z', 'three'));
    expect((await store.list()).map((e) => e.question)).toEqual(['two', 'three']);
    now += 86_400_000;
    expect(await store.list()).toEqual([]);
  });
});
