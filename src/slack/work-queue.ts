/**
 * Runs answer work after the acknowledgements: one job per turn of the event loop, so
 * Slack's 3-second acks for new requests are never stuck behind answers being composed.
 * A job's failure is reported, never thrown.
 */
export class WorkQueue {
  private readonly jobs: (() => Promise<void>)[] = [];
  private running = false;

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  /** Number of jobs waiting. */
  get size(): number {
    return this.jobs.length;
  }

  /** Queues a job to run after pending I/O (acks) has been served. */
  defer(job: () => Promise<void>): void {
    this.jobs.push(job);
    if (!this.running) {
      this.running = true;
      setImmediate(() => this.pump());
    }
  }

  private pump(): void {
    const job = this.jobs.shift();
    if (!job) {
      this.running = false;
      return;
    }
    job().catch(this.onError);
    setImmediate(() => this.pump());
  }
}
