import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stub treats a call: answer, fail with a status, hang, or reset the connection. */
export type Mode = 'ok' | 500 | 429 | 'hang' | 'reset';

/** A message the stub took: where it went, for which user, and whether it was an answer or a notice. */
export interface Received {
  readonly method: string;
  readonly channel?: string;
  readonly user?: string;
  readonly threadTs?: string;
  readonly path: string;
  readonly text: string;
  readonly at: number;
}

/**
 * A local Slack: the Web API (`/api/<method>`) and response URLs (`/respond/<id>`), each of
 * which can be told to fail — per method or path, optionally for one channel — for the next
 * N calls or for good. Records what it took.
 */
export class SlackStub {
  readonly received: Received[] = [];
  private readonly rules: { match: (method: string, channel?: string) => boolean; mode: Mode; times: number }[] = [];
  private server: Server | undefined;
  private readonly held = new Set<import('node:net').Socket>();
  port = 0;

  /** Fails calls matching `method` (and `channel`, when given) `times` times (Infinity: for good). */
  fail(method: string, mode: Mode, times = Number.POSITIVE_INFINITY, channel?: string): void {
    this.rules.push({ match: (m, c) => m === method && (channel === undefined || c === channel), mode, times });
  }

  heal(): void {
    this.rules.length = 0;
  }

  async start(port = 0): Promise<void> {
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += String(chunk);
      });
      req.on('end', () => {
        const path = req.url ?? '';
        const body = parse(raw, String(req.headers['content-type'] ?? ''));
        const method = path.startsWith('/api/') ? path.slice(5) : path;
        const channel = typeof body.channel === 'string' ? body.channel : undefined;
        const rule = this.rules.find((r) => r.times > 0 && r.match(method, channel));
        if (rule) {
          rule.times--;
          if (rule.mode === 'hang') {
            this.held.add(req.socket);
            return;
          }
          if (rule.mode === 'reset') {
            req.socket.destroy();
            return;
          }
          if (rule.mode !== 'ok') {
            res.writeHead(rule.mode, {
              'content-type': 'application/json',
              ...(rule.mode === 429 ? { 'retry-after': '1' } : {}),
            });
            res.end(JSON.stringify({ ok: false, error: rule.mode === 429 ? 'ratelimited' : 'internal_error' }));
            return;
          }
        }
        const text = `${typeof body.text === 'string' ? body.text : ''} ${JSON.stringify(body.blocks ?? '')}`;
        this.received.push({
          method,
          path,
          text,
          at: Date.now(),
          ...(channel ? { channel } : {}),
          ...(typeof body.user === 'string' ? { user: body.user } : {}),
          ...(typeof body.thread_ts === 'string' ? { threadTs: body.thread_ts } : {}),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            method === 'auth.test'
              ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }
              : { ok: true, ts: '1.1', channel },
          ),
        );
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.held) socket.destroy();
    this.held.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function parse(raw: string, type: string): Record<string, unknown> {
  try {
    if (type.includes('json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    return out;
  } catch {
    return {};
  }
}
