import { performance } from 'node:perf_hooks';

/** Busy and idle time of the event loop so far, in ms (performance.eventLoopUtilization's shape). */
export interface LoopTimes {
  readonly active: number;
  readonly idle: number;
}

/**
 * Whether the event loop was busy nearly all of its last completed window (half a second). A
 * slash command's answer rides in its acknowledgement only while there is headroom. Past
 * capacity, commands wait where the process cannot see them (the sockets, the sender), and
 * answering each before its ack made every ack wait for every answer ahead of it: at 1,000
 * commands/s on one core the median ack took 0.5 s and a third came after Slack's 3 s, their
 * answers lost with them. The loop's own lag does not show that wait (its batches stay near
 * 100 ms); a loop with no idle time left does. Saturated, a command is acknowledged bare (a
 * third of the cost) and its answer joins the queue, whose age bounds the wait. This is not
 * shedding: every question is still answered; the load only chooses the cheaper way to
 * acknowledge.
 */
export class LoopLoad {
  private base: LoopTimes;
  private recent = 0;

  constructor(
    /** The share of a window spent busy at which the loop counts as saturated. */
    private readonly threshold = 0.95,
    private readonly windowMs = 500,
    private readonly read: () => LoopTimes = () => performance.eventLoopUtilization(),
  ) {
    this.base = read();
  }

  /** The share of the last completed window the loop spent running callbacks (0–1). */
  utilization(): number {
    const now = this.read();
    const active = now.active - this.base.active;
    const elapsed = active + now.idle - this.base.idle;
    if (elapsed >= this.windowMs) {
      this.recent = active / elapsed;
      this.base = now;
    }
    return this.recent;
  }

  saturated(): boolean {
    return this.utilization() >= this.threshold;
  }
}
