import { performance } from 'node:perf_hooks';
import type { WorkQueueLimits } from '../config.js';

/** How busy the event loop has been lately, 0–1. */
export type LoadProbe = () => number;

/**
 * The event loop's utilisation over the last tenth of a second or more, measured when asked
 * (no timer): the share of time it spent running code rather than waiting for I/O.
 */
export function eventLoopLoad(windowMs = 100): LoadProbe {
  let mark = performance.eventLoopUtilization();
  let markedAt = performance.now();
  let last = 0;
  return () => {
    const now = performance.now();
    if (now - markedAt >= windowMs) {
      last = performance.eventLoopUtilization(mark).utilization;
      mark = performance.eventLoopUtilization();
      markedAt = now;
    }
    return last;
  };
}

/**
 * The one place answer work runs, after the acknowledgements. Each job starts on its own turn
 * of the event loop (setImmediate), so incoming requests are parsed and acked between jobs
 * instead of queueing behind them. Bounded in concurrency and length; a job's failure is
 * reported, never thrown; `drain` lets the process finish what it accepted before it exits.
 */
export class WorkQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private active = 0;
  private closed = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly limits: WorkQueueLimits = { concurrency: 32, maxQueued: 1000, maxLoad: 0.9 },
    private readonly onError: (error: unknown) => void = () => {},
    private readonly load: LoadProbe = eventLoopLoad(),
  ) {}

  /** Jobs waiting for a free slot. */
  get size(): number {
    return this.waiting.length;
  }

  /** Jobs started and not yet finished. */
  get running(): number {
    return this.active;
  }

  /**
   * True when an offer would be refused: every slot and waiting place taken, or draining, or
   * the event loop saturated while an answer is already in hand — then more answer work would
   * only delay the acknowledgements, which Slack needs within 3 seconds, so the asker hears
   * "busy". Answers then go one at a time until the loop has headroom again.
   */
  get full(): boolean {
    if (this.closed) return true;
    if (this.active >= this.limits.concurrency && this.waiting.length >= this.limits.maxQueued) return true;
    return (this.waiting.length > 0 || this.active > 0) && this.load() > this.limits.maxLoad;
  }

  /** Accepts a job, or returns false when the queue is full or draining. */
  offer(job: () => Promise<void>): boolean {
    if (this.full) return false;
    this.waiting.push(job);
    this.schedule();
    return true;
  }

  /** Refuses new jobs and resolves once every accepted job has finished. */
  drain(): Promise<void> {
    this.closed = true;
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    // The slot is taken now, not when the job starts, so offers in one tick cannot overshoot it.
    const job = this.active < this.limits.concurrency ? this.waiting.shift() : undefined;
    if (!job) return;
    this.active++;
    setImmediate(() => {
      // A job that throws synchronously is reported like one that rejects.
      Promise.resolve()
        .then(job)
        .catch(this.onError)
        .finally(() => this.finish());
    });
  }

  private finish(): void {
    this.active--;
    this.schedule();
    if (this.active === 0 && this.waiting.length === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }
}
