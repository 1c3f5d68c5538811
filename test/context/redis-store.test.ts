import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { createContextStore, type SharedState } from '../../src/context/create-store.js';
import { RedisEventDeduper } from '../../src/context/redis-dedupe.js';
import { RedisContextStore } from '../../src/context/redis-store.js';

// CI installs redis-server (.ci/run), so there a missing binary is a failed test; locally it is a skip.
const installed = spawnSync('redis-server', ['--version']).status === 0;
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

test.runIf(!installed && inCi)('redis-server is installed', () => {
  throw new Error('redis-server is not installed: .ci/run installs it with apt-get install -y redis-server');
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A throwaway redis-server on a free loopback port that saves nothing to disk. */
async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // Refused connections are expected while the server starts; the loop retries them.
  probe.on('error', () => {});
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return { url, child };
      } catch {
        probe.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server did not answer on port ${port}`);
  } finally {
    probe.disconnect();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const state = { intent: 'coverage', facts: { modality: 'imrt', codes: ['77387'] }, payers: ['cvs'], awaiting: 'x' } as const;

describe.skipIf(!installed)('Redis-backed thread context and de-duplication (real redis-server)', () => {
  let server: { url: string; child: ChildProcess };
  const clients: Redis[] = [];
  const shared: SharedState[] = [];
  const client = () => {
    const redis = new Redis(server.url);
    clients.push(redis);
    return redis;
  };

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const s of shared) await s.close();
    for (const c of clients) await c.quit();
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  });

  test('a thread round-trips as a namespaced JSON value with a TTL', async () => {
    const redis = client();
    const store = new RedisContextStore(redis, 60_000);
    await store.set('C1:1700000000.0001', state);
    expect(await store.get('C1:1700000000.0001')).toEqual(state);
    expect(await store.get('C1:other')).toBeUndefined();
    const key = 'igrt:thread:C1:1700000000.0001';
    expect(JSON.parse((await redis.get(key)) ?? 'null')).toEqual(state);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  test('a thread expires after its TTL', async () => {
    const store = new RedisContextStore(client(), 100);
    await store.set('short', state);
    expect(await store.get('short')).toEqual(state);
    await sleep(250);
    expect(await store.get('short')).toBeUndefined();
  });

  test('a value that is not a thread state reads as no context', async () => {
    const redis = client();
    await redis.set('igrt:thread:junk', '{not json');
    await redis.set('igrt:thread:wrong', JSON.stringify({ intent: 'launch', facts: 1 }));
    const store = new RedisContextStore(redis);
    expect(await store.get('junk')).toBeUndefined();
    expect(await store.get('wrong')).toBeUndefined();
  });

  test('two store instances on one Redis share a thread: a follow-up through answer() keeps its context', async () => {
    const one = new RedisContextStore(client());
    const two = new RedisContextStore(client());
    const first = await answer('CVS 3DCRT prostate', { store: one, threadId: 'shared', today: '2025-06-01' });
    expect(first.findings.map((f) => f.determination)).toEqual(['needs_info']);
    const next = await answer('curative', { store: two, threadId: 'shared', today: '2025-06-01' });
    expect(next.findings.map((f) => [f.payer, f.determination])).toEqual([['cvs', 'medically_necessary']]);
  });

  test('de-duplication says "first" once across two instances, even when they race', async () => {
    const a = new RedisEventDeduper(client());
    const b = new RedisEventDeduper(client());
    expect(await a.firstSeen('message:C1:1', 60_000)).toBe(true);
    expect(await b.firstSeen('message:C1:1', 60_000)).toBe(false);
    expect(await a.firstSeen('message:C1:1', 60_000)).toBe(false);
    const raced = await Promise.all([a.firstSeen('message:C1:2', 60_000), b.firstSeen('message:C1:2', 60_000)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
  });

  test('a de-duplication key can be seen again once its TTL has passed', async () => {
    const dedupe = new RedisEventDeduper(client());
    expect(await dedupe.firstSeen('retry', 100)).toBe(true);
    await sleep(250);
    expect(await dedupe.firstSeen('retry', 100)).toBe(true);
  });

  test('createContextStore picks Redis from REDIS_URL, and instances built from it share state', async () => {
    const one = createContextStore({ REDIS_URL: server.url });
    const two = createContextStore({ REDIS_URL: ` ${server.url} ` });
    shared.push(one, two);
    expect([one.backend, two.backend]).toEqual(['redis', 'redis']);
    await one.store.set('factory', state);
    expect(await two.store.get('factory')).toEqual(state);
    expect(await one.dedupe.firstSeen('factory-event', 60_000)).toBe(true);
    expect(await two.dedupe.firstSeen('factory-event', 60_000)).toBe(false);
  });
});
