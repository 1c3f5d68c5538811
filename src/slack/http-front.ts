import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the HTTP front accepts before any work is done on a request. */
export interface HttpLimits {
  /** Largest request body in bytes; Slack's payloads are a few kilobytes. */
  readonly bodyLimitBytes: number;
  /** Time to receive a request's headers, and the whole request, in milliseconds. */
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  bodyLimitBytes: 512 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
};

/** A started front: its port, and a stop that closes every connection by a deadline. */
export interface HttpFront {
  readonly server: Server;
  readonly port: number;
  stop(deadlineMs?: number): Promise<void>;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function reply(res: ServerResponse, status: number, body: object, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}

// Bolt reads `payload` (forms) or the JSON body as an object and fails outside any handler
// (an unhandled rejection, the connection left open) when it is `null`, a number or a list.
function isObjectBody(raw: Buffer, contentType: string): boolean {
  try {
    if (contentType.includes('application/json')) {
      const value: unknown = JSON.parse(raw.toString('utf8'));
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    }
    const payload = formPayload(raw.toString('utf8'));
    if (payload === null) return true;
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // Not JSON at all: Bolt answers that itself (401/400) without failing.
    return true;
  }
}

/**
 * What `new URLSearchParams(form).get('payload')` gives, decoding only what it must: a slash
 * command's form is a dozen fields (its text, its response URL …) and no payload, and decoding
 * every field to learn that was most of what the check above cost per command. A field's name is
 * decoded only when escaped, and only the payload's value is, both as URLSearchParams decodes them.
 */
export function formPayload(form: string): string | null {
  // URLSearchParams drops one leading "?" from its text.
  const body = form.startsWith('?') ? form.slice(1) : form;
  const decoded = (text: string) => new URLSearchParams(`x=${text}`).get('x') as string;
  for (const field of body.split('&')) {
    const eq = field.indexOf('=');
    const name = eq === -1 ? field : field.slice(0, eq);
    // A "+" decodes to a space, which "payload" has none of: only a percent escape can spell it.
    if (field !== '' && (name.includes('%') ? decoded(name) : name) === 'payload')
      return decoded(eq === -1 ? '' : field.slice(eq + 1));
  }
  return null;
}

/**
 * The node:http server in front of Bolt's request listener. It refuses an oversized body
 * before buffering it (by Content-Length at once, else as the bytes arrive) with 413 and
 * closes the connection; it gives headers, requests and idle connections deadlines; and it
 * answers a body that is not a JSON object with a prompt 400 instead of handing it to Bolt.
 * Bolt sees an already-buffered request (`rawBody`), which it uses as is.
 */
export function startHttpFront(
  listener: Listener,
  port: number,
  limits: HttpLimits = DEFAULT_HTTP_LIMITS,
  onError: (error: unknown) => void = () => {},
): Promise<HttpFront> {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    },
    (req, res) => {
      if (req.method !== 'POST') {
        dispatch(listener, req, res, onError);
        return;
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > limits.bodyLimitBytes) {
        reply(res, 413, { ok: false, error: 'body_too_large', limit: limits.bodyLimitBytes }, true);
        req.socket.destroySoon();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      req.on('data', (chunk: Buffer) => {
        if (refused) return;
        size += chunk.length;
        if (size > limits.bodyLimitBytes) {
          refused = true;
          chunks.length = 0;
          reply(res, 413, { ok: false, error: 'body_too_large', limit: limits.bodyLimitBytes }, true);
          req.socket.destroySoon();
          return;
        }
        chunks.push(chunk);
      });
      req.on('error', () => {});
      req.on('end', () => {
        if (refused) return;
        const raw = Buffer.concat(chunks);
        if (!isObjectBody(raw, String(req.headers['content-type'] ?? ''))) {
          reply(res, 400, { ok: false, error: 'body_not_an_object' });
          return;
        }
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
        dispatch(listener, req, res, onError);
      });
    },
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port, stop: (deadlineMs) => stopServer(server, deadlineMs) });
    });
  });
}

function dispatch(listener: Listener, req: IncomingMessage, res: ServerResponse, onError: (error: unknown) => void): void {
  try {
    listener(req, res);
  } catch (error) {
    // Bolt throws for a path it does not serve.
    onError(error);
    reply(res, 404, { ok: false, error: 'not_found' });
  }
}

/**
 * Stops taking connections, closes idle ones at once and, at the deadline, every one left
 * (a client holding a half-sent request cannot keep the process alive).
 */
export function stopServer(server: Server, deadlineMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), deadlineMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
