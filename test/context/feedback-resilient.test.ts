import { afterAll, describe, expect, test } from 'vitest';
import { createContextStore } from '../../src/context/create-store.js';
import type { FeedbackEntry } from '../../src/context/feedback-store.js';
import { haveRedisServer, startRedisServer } from '../slack/redis-server.js';

// CI installs redis-server (.ci/run); there a missing binary is a failure, locally a skip.
const runnable = haveRedisServer();
if (!runnable && process.env.CI)
  throw new Error('redis-server is not installed: .ci/run must install it (apt-get install redis-server)');

const entry = (question: string): FeedbackEntry => ({
  at: new Date().toISOString(),
  rating: 'down',
  question,
  intent: 'coverage',
  given: { cvs: 'needs_info' },
  answer: 'a',
});

describe.skipIf(!runnable)('feedback survives its Redis going away (degrade, do not vanish)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  test('kept while Redis is down, written when it is back, never thrown at the user', async () => {
    let server = await startRedisServer();
    const health: boolean[] = [];
    const shared = createContextStore({ REDIS_URL: server.url }, { onHealth: (h) => health.push(h.ok) });
    closers.push(() => shared.close());
    await shared.feedback.add(entry('one'));

    await server.stop();
    const started = Date.now();
    await expect(shared.feedback.add(entry('two, MRN 12345678'))).resolves.toBeUndefined();
    // Bounded patience: the deadline, not ioredis's reconnect loop, decides how long a click waits.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await shared.feedback.list()).map((e) => e.question)).toEqual([expect.stringContaining('two')]);
    expect(JSON.stringify(await shared.feedback.list())).not.toContain('12345678');
    expect(health).toContain(false);

    server = await startRedisServer(server.port);
    closers.push(server.stop);
    // ioredis reconnects on its own; the next entry carries the waiting one with it.
    for (let i = 0; i < 50 && shared.health().ok === false; i++) await new Promise((r) => setTimeout(r, 100));
    await shared.feedback.add(entry('three'));
    // The restarted server saved nothing ("one" is gone with it); what waited is now in Redis.
    expect((await shared.feedback.list()).map((e) => e.question.slice(0, 5))).toEqual(['two, ', 'three']);
    expect(health.at(-1)).toBe(true);
  });
});
