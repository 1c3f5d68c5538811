import { describe, expect, test } from 'vitest';
import { WorkQueue } from '../../src/slack/work-queue.js';

/** A job that runs until released, recording that it started. */
function gated(log: string[], name: string) {
  let release: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    job: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    release: () => release(),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await turn();
};

describe('WorkQueue', () => {
  test('runs at most `concurrency` jobs at once and starts the next when one ends', async () => {
    const log: string[] = [];
    const queue = new WorkQueue({ concurrency: 2, maxQueued: 10, maxWaitMs: 60_000 });
    const jobs = ['a', 'b', 'c'].map((name) => gated(log, name));
    for (const { job } of jobs) expect(queue.offer(job)).toBe(true);
    // A job waiting on I/O lets the next start on the following turn.
    await turns(4);
    expect(log).toEqual(['start a', 'start b']);
    expect(queue.running).toBe(2);
    expect(queue.size).toBe(1);
    jobs[0]?.release();
    await turns(4);
    expect(log).toEqual(['start a', 'start b', 'end a', 'start c']);
  });

  test('a turn starts jobs only while their own work fits its 2 ms slice, so requests are read between slices', async () => {
    const queue = new WorkQueue({ concurrency: 32, maxQueued: 100, maxWaitMs: 60_000 });
    let done = 0;
    // CPU-bound work that runs after the job's start, as answering does (after its first await).
    const burn = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    for (let i = 0; i < 10; i++)
      queue.offer(async () => {
        await null;
        burn(1.5);
        done++;
      });
    await turn();
    // Timing only the starts let one turn start all ten (15 ms of work) with slots free.
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThanOrEqual(2);
    await turns(20);
    expect(done).toBe(10);
  });

  test.each([
    ['a slot free and nothing waiting: starts in this turn, holding a slot', 2, 1, 0, true],
    ['every slot taken: refused (offer it instead)', 1, 1, 0, false],
    ['a job waiting: refused, so it is not overtaken', 2, 1, 1, false],
  ])('runNow — %s', async (_rule, concurrency, running, waiting, started) => {
    const log: string[] = [];
    const queue = new WorkQueue({ concurrency, maxQueued: 10, maxWaitMs: 60_000 });
    const jobs = Array.from({ length: running + waiting }, (_, i) => gated(log, `q${i}`));
    for (const { job } of jobs.slice(0, running)) queue.offer(job);
    await turn();
    // Offered, not yet started: they start on a later turn.
    for (const { job } of jobs.slice(running)) queue.offer(job);
    const now = gated(log, 'now');
    expect(queue.runNow(now.job)).toBe(started);
    expect(log.includes('start now')).toBe(started);
    // It holds its slot: a job offered next waits for a free one.
    const next = gated(log, 'next');
    queue.offer(next.job);
    await turn();
    expect(log.includes('start next')).toBe(running + waiting + (started ? 1 : 0) < concurrency);
    for (const { release } of [...jobs, now, next]) release();
    for (let i = 0; i < 4; i++) await turn();
    expect(queue.running).toBe(0);
  });

  test('runNow refuses once draining, and drain waits for what it started', async () => {
    const log: string[] = [];
    const queue = new WorkQueue({ concurrency: 2, maxQueued: 10, maxWaitMs: 60_000 });
    const now = gated(log, 'now');
    expect(queue.runNow(now.job)).toBe(true);
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    expect(queue.runNow(gated(log, 'late').job)).toBe(false);
    await turn();
    expect(drained).toBe(false);
    now.release();
    await draining;
    expect(log).toEqual(['start now', 'end now']);
  });

  test.each([
    ['a backlog whose oldest job waited past maxWaitMs refuses', 1001, false],
    ['a backlog being worked off within maxWaitMs takes more', 1000, true],
  ])('backlog age — %s', (_name, waited, accepted) => {
    let clock = 0;
    const queue = new WorkQueue(
      { concurrency: 1, maxQueued: 10, maxWaitMs: 1000 },
      () => {},
      () => clock,
    );
    const never = () => new Promise<void>(() => {});
    queue.offer(never);
    queue.offer(never);
    clock = waited;
    expect(queue.offer(never)).toBe(accepted);
  });

  test('no backlog, no refusal: a queue with free slots takes jobs however long ago the last came', async () => {
    let clock = 0;
    const queue = new WorkQueue(
      { concurrency: 4, maxQueued: 0, maxWaitMs: 10 },
      () => {},
      () => clock,
    );
    const never = () => new Promise<void>(() => {});
    for (let i = 0; i < 4; i++) {
      clock += 1000;
      expect(queue.offer(never)).toBe(true);
      await turn();
    }
  });

  test('refuses a job once the running slots and `maxQueued` waiting places are taken', () => {
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 1, maxWaitMs: 60_000 });
    const never = () => new Promise<void>(() => {});
    expect(queue.offer(never)).toBe(true);
    expect(queue.offer(never)).toBe(true);
    expect(queue.offer(never)).toBe(false);
  });

  test('does no work in the caller’s turn: a job starts on a later turn of the event loop', () => {
    const log: string[] = [];
    const queue = new WorkQueue();
    queue.offer(async () => {
      log.push('ran');
    });
    expect(log).toEqual([]);
  });

  test('drain refuses new jobs and resolves once every accepted job has finished', async () => {
    const log: string[] = [];
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 5, maxWaitMs: 60_000 });
    const first = gated(log, 'a');
    const second = gated(log, 'b');
    queue.offer(first.job);
    queue.offer(second.job);
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    expect(queue.offer(async () => {})).toBe(false);
    first.release();
    await turn();
    await turn();
    expect(drained).toBe(false);
    second.release();
    await draining;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  test('a job that throws or rejects is reported and the queue goes on', async () => {
    const errors: unknown[] = [];
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 5, maxWaitMs: 60_000 }, (error) => errors.push(error));
    queue.offer(() => {
      throw new Error('sync');
    });
    queue.offer(async () => {
      throw new Error('async');
    });
    let ran = false;
    queue.offer(async () => {
      ran = true;
    });
    await queue.drain();
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync', 'async']);
    expect(ran).toBe(true);
  });
});
