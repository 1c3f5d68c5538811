import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { DEFAULT_RETRY, RetryableError, type RetryPolicy, retryAfterMs, withRetries } from './retry.js';

// Kept-alive connections: every answer to a slash command or button is one POST to Slack's
// response URL host, and a new TLS connection per answer would cost more than the answer.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
const TIMEOUT_MS = 5_000;
// Slack: a response URL takes up to 5 messages within 30 minutes of the request.
const POSTS_PER_URL = 5;
const URL_LIFETIME_MS = 30 * 60 * 1000;
const TRACKED_URLS = 10_000;

/** A response URL that did not take the message (expired, used up, rate limited, unreachable). */
export class ResponseUrlError extends Error {
  readonly code = 'RESPONSE_URL_FAILED';
  constructor(
    readonly status: number | undefined,
    reason: string,
  ) {
    super(`response URL failed: ${reason}`);
    this.name = 'ResponseUrlError';
  }
}

// Posts made to each response URL and when it was first used, oldest first (bounded).
const budget = new Map<string, { posts: number; firstAt: number }>();

function spend(url: string, now = Date.now()): void {
  const used = budget.get(url) ?? { posts: 0, firstAt: now };
  if (now - used.firstAt > URL_LIFETIME_MS) throw new ResponseUrlError(undefined, 'expired (30 minutes)');
  if (used.posts >= POSTS_PER_URL) throw new ResponseUrlError(undefined, `used up (${POSTS_PER_URL} posts)`);
  budget.delete(url);
  budget.set(url, { posts: used.posts + 1, firstAt: used.firstAt });
  if (budget.size > TRACKED_URLS) {
    const oldest = budget.keys().next().value;
    if (oldest !== undefined) budget.delete(oldest);
  }
}

/** Posts left on a response URL (5 at first). */
export function postsLeft(url: string): number {
  return POSTS_PER_URL - (budget.get(url)?.posts ?? 0);
}

function postOnce(target: URL, body: string): Promise<void> {
  const secure = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        timeout: TIMEOUT_MS,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else if (status === 429 || status >= 500)
            reject(new RetryableError(`HTTP ${status}`, retryAfterMs(res.headers['retry-after'])));
          else reject(new ResponseUrlError(status, `HTTP ${status}`));
        });
        res.on('error', (error) => reject(new RetryableError(error.message)));
      },
    );
    req.on('timeout', () => req.destroy(new RetryableError('timed out')));
    req.on('error', (error) => reject(error instanceof RetryableError ? error : new RetryableError(error.message)));
    req.end(body);
  });
}

/**
 * POSTs a message to a slash command's or button's response URL, as Bolt's `respond` does,
 * over node:http(s) with kept-alive connections (`fetch` costs several times the CPU per
 * request, and on a busy instance that CPU comes out of the acks). A 429, a 5xx, a reset or a
 * timeout is retried with jittered backoff, honouring Retry-After, within the URL's budget of
 * 5 posts in 30 minutes; what still fails rejects with a ResponseUrlError.
 */
export async function postToResponseUrl(url: string, message: object, policy: RetryPolicy = DEFAULT_RETRY): Promise<void> {
  const target = new URL(url);
  const body = JSON.stringify(message);
  try {
    await withRetries(() => {
      spend(url);
      return postOnce(target, body);
    }, policy);
  } catch (error) {
    if (error instanceof ResponseUrlError) throw error;
    throw new ResponseUrlError(undefined, error instanceof Error ? error.message : String(error));
  }
}
