/** Bounds on delivering replies to Slack. */
export interface DeliveryLimits {
  /** Deliveries in flight to one destination (a channel, a DM) at once. */
  readonly perDestination: number;
  /** Deliveries waiting for one destination; past it a delivery is refused at once. */
  readonly perDestinationQueued: number;
  /** Deliveries in flight or waiting across all destinations. */
  readonly maxPending: number;
}

export const DEFAULT_DELIVERY_LIMITS: DeliveryLimits = { perDestination: 2, perDestinationQueued: 20, maxPending: 2_000 };

/** A delivery refused because its destination, or delivery as a whole, is backed up. */
export class DeliveryRefused extends Error {
  constructor(reason: string) {
    super(`delivery refused: ${reason}`);
    this.name = 'DeliveryRefused';
  }
}

interface Lane {
  active: number;
  readonly waiting: (() => void)[];
}

/**
 * Where replies leave for Slack, apart from the answer workers: a worker hands its reply over
 * and takes the next question, so a destination that hangs holds at most `perDestination`
 * deliveries, never every worker; what waits for it is bounded too, and so is the whole.
 */
export class Delivery {
  private readonly lanes = new Map<string, Lane>();
  private pending = 0;
  private idle: (() => void)[] = [];
  private urgentInFlight = 0;
  private readonly urgentWaiting: (() => void)[] = [];

  constructor(private readonly limits: DeliveryLimits = DEFAULT_DELIVERY_LIMITS) {}

  /** Deliveries in flight or waiting. */
  get size(): number {
    return this.pending;
  }

  /** True when a new delivery would be refused whatever its destination. */
  get saturated(): boolean {
    return this.pending >= this.limits.maxPending;
  }

  /** True when a delivery to this destination would start at once rather than wait its turn. */
  hasRoom(destination: string): boolean {
    return (this.lanes.get(destination)?.active ?? 0) < this.limits.perDestination;
  }

  /** Runs `send` when its destination has room; rejects with DeliveryRefused when it cannot wait. */
  send(destination: string, send: () => Promise<unknown>): Promise<void> {
    if (this.saturated) return Promise.reject(new DeliveryRefused('too many deliveries pending'));
    const lane = this.lanes.get(destination) ?? { active: 0, waiting: [] };
    if (lane.active >= this.limits.perDestination && lane.waiting.length >= this.limits.perDestinationQueued) {
      return Promise.reject(new DeliveryRefused('destination backed up'));
    }
    this.lanes.set(destination, lane);
    this.pending++;
    const turn =
      lane.active < this.limits.perDestination
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            lane.waiting.push(resolve);
          });
    if (lane.active < this.limits.perDestination) lane.active++;
    return turn.then(send).then(
      () => this.release(destination, lane),
      (error: unknown) => {
        this.release(destination, lane);
        throw error;
      },
    );
  }

  /**
   * A short notice that must not wait behind its destination's lane (the lane may be what is
   * stuck): its own lane, `perDestinationQueued` in flight, `maxPending` waiting at most.
   */
  urgent(send: () => Promise<unknown>): Promise<void> {
    if (this.urgentWaiting.length >= this.limits.maxPending)
      return Promise.reject(new DeliveryRefused('too many notices waiting'));
    const turn =
      this.urgentInFlight < this.limits.perDestinationQueued
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            this.urgentWaiting.push(resolve);
          });
    if (this.urgentInFlight < this.limits.perDestinationQueued) this.urgentInFlight++;
    const done = () => {
      const next = this.urgentWaiting.shift();
      if (next) next();
      else this.urgentInFlight--;
    };
    return turn.then(send).then(done, (error: unknown) => {
      done();
      throw error;
    });
  }

  /** Resolves once every delivery handed over so far has finished. */
  drain(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private release(destination: string, lane: Lane): void {
    this.pending--;
    const next = lane.waiting.shift();
    // The slot passes straight to the next waiter; otherwise it is freed.
    if (next) next();
    else if (--lane.active === 0) this.lanes.delete(destination);
    if (this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
