import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { readConfig } from '../../src/config.js';
import { type EventDeduper, MemoryEventDeduper } from '../../src/context/dedupe.js';
import type { FeedbackStore } from '../../src/context/feedback-store.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';
import type { ContextStore } from '../../src/context/store.js';
import { createSlackApp } from '../../src/slack/app.js';
import { startHttpFront } from '../../src/slack/http-front.js';
import type { RateLimiter } from '../../src/slack/rate-limit.js';
import type { WorkQueue } from '../../src/slack/work-queue.js';

/** A call the app made to the stubbed Web API or to a response URL. */
export interface RecordedCall {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/** A local stand-in for slack.com/api and for response URLs, recording every call. */
export async function startSlackStub(): Promise<{
  url: string;
  calls: RecordedCall[];
  failures: Map<string, { status: number; headers?: Record<string, string> }[]>;
  /** Time zones users.info gives, by user id (none: the profile has no tz). */
  zones: Map<string, string>;
  close: () => Promise<void>;
}> {
  const zones = new Map<string, string>();
  const calls: RecordedCall[] = [];
  // Per API method, responses to give before answering normally (429s, 500s).
  const failures = new Map<string, { status: number; headers?: Record<string, string> }[]>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += String(chunk);
    });
    req.on('end', () => {
      const body = (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw || '{}') as Record<string, unknown>)
        : formBody(raw);
      calls.push({ path: req.url ?? '', body });
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const failure = failures.get(method)?.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' }));
        return;
      }
      const reply =
        method === 'auth.test'
          ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }
          : method === 'users.info'
            ? { ok: true, user: { id: body.user, ...(zones.has(String(body.user)) ? { tz: zones.get(String(body.user)) } : {}) } }
            : { ok: true, ts: '9999.0001', channel: body.channel };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, calls, failures, zones, close: () => close(server) };
}

function formBody(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

/** Starts the real Bolt app over HTTP on an ephemeral port, its Web API pointed at the stub. */
export async function startApp(
  stubUrl: string,
  options: {
    store?: ContextStore;
    dedupe?: EventDeduper;
    limiter?: RateLimiter;
    answer?: typeof answer;
    work?: WorkQueue;
    log?: Logger;
    /** The clock answers are dated by. */
    now?: () => Date;
    env?: Record<string, string>;
    feedback?: FeedbackStore;
  } = {},
) {
  const config = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_API_URL: `${stubUrl}/api/`,
    LOG_LEVEL: 'error',
    // The load guard has its own tests (work-queue.test.ts); end-to-end answers must not
    // depend on how busy the test machine happens to be.
    ...options.env,
  });
  if (config.mode === 'console') throw new Error('expected a Slack configuration');
  const store = options.store ?? new MemoryContextStore();
  const { app, receiver, work, auth, outcomes } = createSlackApp(config, {
    answer: options.answer ?? answer,
    pipeline: defaultPipeline(),
    store,
    dedupe: options.dedupe ?? new MemoryEventDeduper(),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.work ? { work: options.work } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.feedback ? { feedback: options.feedback } : {}),
  });
  if (!receiver) throw new Error('expected HTTP mode');
  await auth.start();
  // The same HTTP front as `npm start` (body limit, timeouts, closing connections on stop).
  const front = await startHttpFront(receiver.requestListener, 0, config.http);
  // Idempotent, so a test that stops the app itself can leave the clean-up in place.
  let stopped: Promise<unknown> | undefined;
  return { app, store, work, outcomes, url: `http://127.0.0.1:${front.port}`, stop: () => (stopped ??= front.stop(1000)) };
}

/** Posts a request signed exactly as Slack signs it (v0:{timestamp}:{body}, HMAC-SHA256). */
export async function signedPost(
  url: string,
  body: string,
  options: { secret?: string; timestamp?: number; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = options.secret ?? 'test-signing-secret';
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    body,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...options.headers,
    },
  });
}

/** A slash command's form body. */
export function commandBody(text: string, responseUrl: string, user = 'U1'): string {
  return new URLSearchParams({
    command: '/igrt',
    text,
    team_id: 'T1',
    channel_id: 'C1',
    user_id: user,
    response_url: responseUrl,
    trigger_id: 't.1',
    api_app_id: 'A1',
  }).toString();
}

/** An Events API callback around one event. */
export function eventBody(event: Record<string, unknown>, eventId = `Ev${Math.random().toString(36).slice(2)}`): string {
  return JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: eventId,
    event_time: 1,
    event,
    authorizations: [{ user_id: 'UBOT', is_bot: true, team_id: 'T1' }],
  });
}

/** A block_actions payload for a button click (by U1 unless said; in channel C1, message ts 100.1 unless said). */
export function actionBody(
  action: { action_id: string; value: string },
  responseUrl: string,
  ephemeral = false,
  by: { user?: string; channel?: string; ts?: string } = {},
): string {
  const channel = by.channel ?? 'C1';
  const ts = by.ts ?? '100.1';
  const payload = {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: by.user ?? 'U1' },
    api_app_id: 'A1',
    channel: { id: channel },
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: ephemeral },
    message: { ts, type: 'message' },
    response_url: responseUrl,
    trigger_id: 't.2',
    actions: [{ type: 'button', block_id: 'igrt_follow_up', action_ts: '1', ...action }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A view_submission payload: a modal submitted with its private metadata and input values (block id = action id). */
export function viewSubmissionBody(
  callbackId: string,
  privateMetadata: string,
  values: Record<string, string>,
  user = 'U1',
): string {
  const state = Object.fromEntries(
    Object.entries(values).map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: user },
    api_app_id: 'A1',
    trigger_id: 't.3',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values: state },
      hash: 'h',
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Waits until the stub has seen calls matching a filter (the app answers after acking). */
export async function waitForCalls(
  calls: RecordedCall[],
  match: (c: RecordedCall) => boolean,
  count = 1,
  ms = 5000,
): Promise<RecordedCall[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = calls.filter(match);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
