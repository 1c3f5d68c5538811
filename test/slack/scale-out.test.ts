import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { RedisEventDeduper } from '../../src/context/redis-dedupe.js';
import { RedisContextStore } from '../../src/context/redis-store.js';
import { eventBody, signedPost, startApp, startSlackStub, waitForCalls } from './harness.js';
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
});
