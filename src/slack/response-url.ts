import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

// Kept-alive connections: every answer to a slash command or button is one POST to Slack's
// response URL host, and a new TLS connection per answer would cost more than the answer.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
const TIMEOUT_MS = 10_000;

/** A response URL that did not take the message (expired, rate limited, unreachable). */
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

/**
 * POSTs a message to a slash command's or button's response URL, as Bolt's `respond` does,
 * over node:http(s) with kept-alive connections: `fetch` costs several times the CPU per
 * request, and on a busy instance that CPU comes out of the acks.
 */
export function postToResponseUrl(url: string, message: object): Promise<void> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const body = JSON.stringify(message);
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
          else reject(new ResponseUrlError(status, `HTTP ${status}`));
        });
      },
    );
    req.on('timeout', () => req.destroy(new ResponseUrlError(undefined, 'timed out')));
    req.on('error', (error) =>
      reject(error instanceof ResponseUrlError ? error : new ResponseUrlError(undefined, error.message)),
    );
    req.end(body);
  });
}
