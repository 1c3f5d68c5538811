import { performance } from 'node:perf_hooks';
import type { WorkQueueLimits } from '../config.js';

/** A clock in milliseconds (injected by tests). */
export type Clock = () => number;

/** How long one turn of the event loop may spend on jobs' work before it yields to I/O (acks). */
const SLICE_MS = 2;

/** Resolves on a later turn of the event loop, after its I/O. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Waiting {
  readonly job: () => Promise<void>;
  readonly at: number;
}

/**
 * The one place answer work runs, after the acknowledgements. Jobs start on later turns of the
 * event loop (setImmediate), a slice of at most a couple of milliseconds per turn, so incoming
 * requests are parsed and acked between them instead of queueing behind a burst. Bounded in
 * concurrency and length; a job's failure is reported, never thrown; `drain` lets the process
 * finish what it accepted before it exits.
 *
 * It refuses only on a real backlog — the waiting places all taken, or the oldest waiting job
 * older than `maxWaitMs` — never on a sample of how busy the loop looks: a GC pause or another
 * process on the machine is not a reason to tell a user "busy" while answers keep up.
 */
export class WorkQueue {
  private readonly waiting: Waiting[] = [];
  private active = 0;
  private closed = false;
  private pumping = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly limits: WorkQueueLimits = { concurrency: 32, maxQueued: 1000, maxWaitMs: 3000 },
    private readonly onError: (error: unknown) => void = () => {},
    private readonly now: Clock = () => performance.now(),
  ) {}

  /** Jobs waiting for a free slot. */
  get size(): number {
    return this.waiting.length;
  }

  /** Jobs started and not yet finished. */
  get running(): number {
    return this.active;
  }

  /** How long the oldest waiting job has waited, in ms (0 when none waits). */
  get oldestWaitMs(): number {
    const head = this.waiting[0];
    return head ? this.now() - head.at : 0;
  }

  /**
   * True when an offer would be refused: draining, or a backlog the queue is not working off —
   * every slot and waiting place taken, or the oldest waiting job past `maxWaitMs`.
   */
  get full(): boolean {
    if (this.closed) return true;
    if (this.active + this.waiting.length >= this.limits.concurrency + this.limits.maxQueued) return true;
    return this.oldestWaitMs > this.limits.maxWaitMs;
  }

  /** Accepts a job, or returns false when the queue is full or draining. */
  offer(job: () => Promise<void>): boolean {
    if (this.full) return false;
    this.waiting.push({ job, at: this.now() });
    this.arm();
    return true;
  }

  /**
   * Starts a job in this turn instead of a later one, when the queue would start it next anyway:
   * a slot free and no job waiting. It holds its slot like any job, so the bound on answers at
   * once holds and no waiting job is overtaken. False otherwise: offer it instead.
   */
  runNow(job: () => Promise<void>): boolean {
    if (this.closed || this.waiting.length > 0 || this.active >= this.limits.concurrency) return false;
    this.start(job);
    return true;
  }

  /** Refuses new jobs and resolves once every accepted job has finished. */
  drain(): Promise<void> {
    this.closed = true;
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Schedules one pump on a later turn, unless one is pending already. */
  private arm(): void {
    if (this.pumping || this.waiting.length === 0 || this.active >= this.limits.concurrency) return;
    this.pumping = true;
    setImmediate(() => void this.pump());
  }

  /**
   * Starts waiting jobs while slots are free, a slice of at most SLICE_MS of their work per turn
   * of the event loop. A job does its work in the microtasks after its start, not in the call
   * that starts it, so each start waits until the job has finished or is waiting on I/O (then
   * the next turn has begun) before the clock is read: the slice counts the answering itself,
   * and requests that arrived meanwhile are read and acknowledged between slices. (Timing only
   * the starts let one turn start every free slot's job, some 30 ms of answers, while acks waited.)
   */
  private readonly pump = async (): Promise<void> => {
    let sliceStart = performance.now();
    while (this.active < this.limits.concurrency) {
      const next = this.waiting.shift();
      if (!next) break;
      const done = this.start(next.job).then(() => true);
      const sameTurn = await Promise.race([done, nextTurn().then(() => false)]);
      if (!sameTurn) sliceStart = performance.now();
      else if (performance.now() - sliceStart >= SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    this.pumping = false;
    this.arm();
  };

  /** Starts a job in its slot; resolves when it has finished, however it ended. */
  private start(job: () => Promise<void>): Promise<void> {
    this.active++;
    // A job that throws synchronously is reported like one that rejects.
    let running: Promise<void>;
    try {
      running = job();
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.catch(this.onError).finally(this.finish);
  }

  private readonly finish = (): void => {
    this.active--;
    this.arm();
    if (this.active === 0 && this.waiting.length === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  };
}
