import type { WorkQueueLimits } from '../config.js';

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
    private readonly limits: WorkQueueLimits = { concurrency: 32, maxQueued: 1000 },
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Jobs waiting for a free slot. */
  get size(): number {
    return this.waiting.length;
  }

  /** Jobs started and not yet finished. */
  get running(): number {
    return this.active;
  }

  /** True when an offer would be refused: every slot and waiting place taken, or draining. */
  get full(): boolean {
    return this.closed || (this.active >= this.limits.concurrency && this.waiting.length >= this.limits.maxQueued);
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
