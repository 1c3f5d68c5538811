import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
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

/** A file the app uploaded the way files.uploadV2 does it: URL, upload, completion. */
export interface StubUpload {
  readonly id: string;
  readonly filename: string;
  /** What was sent to the upload URL (files.getUploadURLExternal's `length` must match it). */
  readonly content: string;
  /** Set by files.completeUploadExternal: where the file was shared, and its title. */
  title?: string;
  channel?: string;
  threadTs?: string;
}

/**
 * Slack refuses a message whose blocks together pass about 13,200 characters
 * (`msg_blocks_too_long`), though each block is within its own limit; the stub refuses them
 * too, so a test sees what a workspace would.
 */
const SLACK_MESSAGE_BLOCKS_BYTES = 13_200;

/**
 * A local stand-in for slack.com/api, for response URLs and for the upload URLs that
 * files.getUploadURLExternal hands out, recording every call.
 */
export async function startSlackStub(): Promise<{
  url: string;
  calls: RecordedCall[];
  failures: Map<string, { status: number; headers?: Record<string, string> }[]>;
  /** Time zones users.info gives, by user id (none: the profile has no tz). */
  zones: Map<string, string>;
  /** Files uploaded, by file id, completed or not. */
  uploads: Map<string, StubUpload>;
  /** How long the stub waits before answering, by API method or path (a slow users.info, a slow response URL). */
  delays: Map<string, number>;
  close: () => Promise<void>;
}> {
  const delays = new Map<string, number>();
  const zones = new Map<string, string>();
  const uploads = new Map<string, StubUpload>();
  const pending = new Map<string, { filename: string; length: number }>();
  const calls: RecordedCall[] = [];
  // Per API method, responses to give before answering normally (429s, 500s).
  const failures = new Map<string, { status: number; headers?: Record<string, string> }[]>();
  let port = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const path = req.url ?? '';
      const contentType = req.headers['content-type'] ?? '';
      const send = (status: number, reply: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply));
      };
      if (path.startsWith('/upload/')) {
        // files.uploadV2 posts the file as multipart form data, field "body".
        const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
        const content = await (form.get('body') as Blob).text();
        const id = path.slice('/upload/'.length);
        calls.push({ path, body: { content } });
        const expected = pending.get(id);
        if (!expected || expected.length !== Buffer.byteLength(content)) return send(400, { ok: false });
        uploads.set(id, { id, filename: expected.filename, content });
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`OK - ${expected.length}`);
      }
      const body = contentType.includes('json')
        ? (JSON.parse(raw.toString() || '{}') as Record<string, unknown>)
        : formBody(raw.toString());
      calls.push({ path, body });
      const method = path.replace(/^\/api\//, '');
      const delay = delays.get(method);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const failure = failures.get(method)?.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' }));
        return;
      }
      if (body.blocks && Buffer.byteLength(JSON.stringify(body.blocks)) > SLACK_MESSAGE_BLOCKS_BYTES) {
        // The Web API says so in a 200; a response URL refuses the request.
        return send(path.startsWith('/api/') ? 200 : 400, { ok: false, error: 'msg_blocks_too_long' });
      }
      send(200, apiReply(method, body));
    });
  });
  const apiReply = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'users.info': {
        const zone = zones.get(String(body.user));
        return { ok: true, user: { id: body.user, ...(zone ? { tz: zone } : {}) } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).split(',')[0]}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${pending.size + 1}`;
        pending.set(id, { filename: String(body.filename), length: Number(body.length) });
        return { ok: true, upload_url: `http://127.0.0.1:${port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (body.files ?? []) as { id: string; title?: string }[];
        const missing = files.filter((f) => !uploads.has(f.id));
        if (missing.length > 0) return { ok: false, error: 'file_not_found' };
        for (const f of files) {
          const upload = uploads.get(f.id) as StubUpload;
          upload.channel = String(body.channel_id);
          if (body.thread_ts) upload.threadTs = String(body.thread_ts);
          if (f.title) upload.title = f.title;
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: true, ts: '9999.0001', channel: body.channel };
    }
  };
  port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, calls, failures, zones, uploads, delays, close: () => close(server) };
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
    loopLoad?: { saturated(): boolean };
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
    ...(options.loopLoad ? { loopLoad: options.loopLoad } : {}),
  });
  if (!receiver) throw new Error('expected HTTP mode');
  await auth.start();
  // The same HTTP front as `npm start` (body limit, timeouts, closing connections on stop).
  const front = await startHttpFront(receiver.requestListener, 0, config.http);
  // Idempotent, so a test that stops the app itself can leave the clean-up in place.
  let stopped: Promise<unknown> | undefined;
  return { app, store, work, outcomes, url: `http://127.0.0.1:${front.port}`, stop: () => (stopped ??= front.stop(1000)) };
}

type AppOptions = NonNullable<Parameters<typeof startApp>[1]>;
type Stub = Awaited<ReturnType<typeof startSlackStub>>;
type RunningApp = Awaited<ReturnType<typeof startApp>>;

/** One stub and one app for a whole test file, started before its tests and stopped after; read them inside tests. */
export function appPerFile(options: AppOptions = {}): { readonly stub: Stub; readonly slack: RunningApp } {
  const running = {} as { stub: Stub; slack: RunningApp };
  beforeAll(async () => {
    running.stub = await startSlackStub();
    running.slack = await startApp(running.stub.url, options);
  });
  afterAll(async () => {
    await running.slack?.stop();
    await running.stub?.close();
  });
  return running;
}

/** A stub and an app of its own for one test (a failing answer, a failing Web API), stopped however the test ends. */
export async function withOwnApp<T>(options: AppOptions, run: (stub: Stub, slack: RunningApp) => Promise<T>): Promise<T> {
  const stub = await startSlackStub();
  const slack = await startApp(stub.url, options);
  try {
    return await run(stub, slack);
  } finally {
    await slack.stop();
    await stub.close();
  }
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

/** A command's answer (or refusal) as the user sees it, and which way it came. */
export interface CommandAnswer extends RecordedCall {
  /** In the acknowledgement's body (ready within the budget), or posted to the response URL. */
  readonly via: 'ack' | 'response_url';
}

/**
 * What a command's user was told, wherever it arrived: the acknowledgement's body when it
 * carries a message, else the first post to its response URL (`path` on the stub), waited for.
 * Tests read the answer, not the transport.
 */
export async function answerOf(
  ack: Response,
  calls: RecordedCall[],
  path: string,
  ms = 5000,
): Promise<CommandAnswer | undefined> {
  const text = await ack.text();
  if (text.trim()) return { via: 'ack', path, body: JSON.parse(text) as Record<string, unknown> };
  const [call] = await waitForCalls(calls, (c) => c.path === path, 1, ms);
  return call && { via: 'response_url', ...call };
}

/** Sends `/igrt <text>` as `user`, its response URL at `path` on the stub, and returns its answer wherever it arrived (see answerOf). */
export async function askCommand(
  appUrl: string,
  stub: { url: string; calls: RecordedCall[] },
  text: string,
  path: string,
  user = 'U1',
): Promise<CommandAnswer> {
  const ack = await signedPost(appUrl, commandBody(text, `${stub.url}${path}`, user), {
    contentType: 'application/x-www-form-urlencoded',
  });
  const answer = await answerOf(ack, stub.calls, path);
  if (!answer) throw new Error(`no answer to /igrt in the ack or at ${path}`);
  return answer;
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

/** A block_actions payload for a button on the App Home tab: no channel, no message, no response URL. */
export function homeActionBody(action: { action_id: string; value: string }, user = 'U1'): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: user },
    api_app_id: 'A1',
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home', callback_id: '', private_metadata: '', state: { values: {} }, hash: 'h' },
    trigger_id: 't.4',
    actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...action }],
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
