import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoreHealth } from '../context/resilient.js';
import type { AuthState } from './authorization.js';
import type { OutcomeCounts } from './outcomes.js';

/** What readiness looks at. */
export interface ReadinessSources {
  readonly auth: () => AuthState;
  /** Absent when there is no shared store (thread context in memory). */
  readonly store?: () => StoreHealth;
  readonly queue: () => { waiting: number; maxQueued: number; deliveries: number; saturated: boolean };
  readonly stopping: () => boolean;
  readonly outcomes: OutcomeCounts;
}

interface Check {
  readonly ok: boolean;
  readonly reason?: string;
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * `/healthz` (liveness: the process serves HTTP) and `/readyz` (readiness: Slack accepted the
 * token, the shared store answers when one is configured, the answer queue and deliveries are
 * not saturated, the process is not stopping), each check with its reason, 200 or 503.
 */
export function readiness(sources: ReadinessSources) {
  const started = Date.now();
  const checks = (): Record<string, Check> => {
    const auth = sources.auth();
    const queue = sources.queue();
    const queueFull = queue.waiting >= queue.maxQueued || queue.saturated;
    return {
      slack: auth.ok ? { ok: true } : { ok: false, reason: auth.reason ?? 'not authorized yet' },
      ...(sources.store ? { redis: sources.store() } : {}),
      queue: queueFull
        ? { ok: false, reason: `saturated: ${queue.waiting} answers waiting, ${queue.deliveries} deliveries pending` }
        : { ok: true },
      process: sources.stopping() ? { ok: false, reason: 'stopping' } : { ok: true },
    };
  };
  return {
    checks,
    live: (_req: IncomingMessage, res: ServerResponse) =>
      send(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - started) / 1000) }),
    ready: (_req: IncomingMessage, res: ServerResponse) => {
      const all = checks();
      const ok = Object.values(all).every((c) => c.ok);
      send(res, ok ? 200 : 503, { ok, checks: all, outcomes: sources.outcomes });
    },
  };
}
