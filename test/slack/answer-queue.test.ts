import { afterEach, describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { createLogger } from '../../src/log/logger.js';
import { WorkQueue } from '../../src/slack/work-queue.js';
import { capture } from '../log/capture.js';
import { commandBody, eventBody, signedPost, startApp, startSlackStub, waitForCalls } from './harness.js';

/** An answer function that does not return until released: answer work that never ends by itself. */
function blockingAnswer() {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let calls = 0;
  const blocked: typeof answer = async (question, context) => {
    calls++;
    await gate;
    return answer(question, context);
  };
  return { answer: blocked, release: () => release(), calls: () => calls };
}

const form = { contentType: 'application/x-www-form-urlencoded' };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// A command waits this long for its answer to ride in the ack; these answers never come in time.
const BUDGET_MS = 200;

async function setUp(options: { work?: WorkQueue } = {}) {
  const stub = await startSlackStub();
  const blocking = blockingAnswer();
  const slack = await startApp(stub.url, {
    answer: blocking.answer,
    env: { COMMAND_ACK_BUDGET_MS: String(BUDGET_MS) },
    ...options,
  });
  cleanups.push(stub.close, slack.stop, async () => blocking.release());
  return { stub, slack, blocking };
}

describe('acks come first; answers go through one bounded queue', () => {
  test('a slash command whose answer is still being worked on is acknowledged at the budget, well within Slack’s 3 s', async () => {
    const { stub, slack, blocking } = await setUp();
    const started = Date.now();
    const res = await signedPost(slack.url, commandBody('Horizon IMRT', `${stub.url}/respond/ack1`), form);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 1500);
    expect(stub.calls.filter((c) => c.path === '/respond/ack1')).toEqual([]);
    blocking.release();
    const [reply] = await waitForCalls(stub.calls, (c) => c.path === '/respond/ack1');
    expect(JSON.stringify(reply?.body.blocks)).toContain('Horizon');
  });

  test('a mention is acknowledged while its answer is still being worked on', async () => {
    const { stub, slack, blocking } = await setUp();
    const mention = { type: 'app_mention', user: 'U1', text: '<@UBOT> Horizon IMRT', channel: 'CQ', ts: '1800000000.000100' };
    const res = await signedPost(slack.url, eventBody(mention));
    expect(res.status).toBe(200);
    blocking.release();
    expect(await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CQ')).toHaveLength(1);
  });

  test('when the queue is full the command’s ack itself says "busy, try again", and queued answers still arrive', async () => {
    const { stub, slack, blocking } = await setUp({ work: new WorkQueue({ concurrency: 1, maxQueued: 1, maxWaitMs: 60_000 }) });
    const acks: string[] = [];
    for (const id of ['q1', 'q2', 'q3']) {
      const res = await signedPost(slack.url, commandBody('Horizon IMRT', `${stub.url}/respond/${id}`, `U-${id}`), form);
      acks.push(await res.text());
    }
    expect(acks[0]).not.toContain('a lot of questions');
    expect(acks[2]).toContain('a lot of questions');
    expect(JSON.parse(acks[2] ?? '{}').response_type).toBe('ephemeral');
    expect(stub.calls.filter((c) => c.path === '/respond/q3')).toEqual([]);
    blocking.release();
    const answered = await waitForCalls(stub.calls, (c) => c.path === '/respond/q1' || c.path === '/respond/q2', 2);
    for (const call of answered) expect(JSON.stringify(call.body.blocks)).not.toContain('a lot of questions');
  });

  test('when the queue is full a mention gets a polite "busy" reply in its thread', async () => {
    const { stub, slack, blocking } = await setUp({ work: new WorkQueue({ concurrency: 1, maxQueued: 0, maxWaitMs: 60_000 }) });
    await signedPost(slack.url, commandBody('Horizon IMRT', `${stub.url}/respond/first`), form);
    const mention = { type: 'app_mention', user: 'U2', text: '<@UBOT> Horizon IMRT', channel: 'CB', ts: '1800000001.000100' };
    await signedPost(slack.url, eventBody(mention));
    const [busy] = await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CB');
    expect(JSON.stringify(busy?.body.blocks)).toContain('a lot of questions');
    expect(busy?.body.thread_ts).toBe(mention.ts);
    blocking.release();
  });

  test('stopping drains the queue: acknowledged questions are answered before drain resolves', async () => {
    const { stub, slack, blocking } = await setUp();
    await signedPost(slack.url, commandBody('Horizon IMRT', `${stub.url}/respond/drain1`), form);
    await slack.stop();
    let drained = false;
    const draining = slack.work.drain().then(() => {
      drained = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    blocking.release();
    await draining;
    expect(stub.calls.filter((c) => c.path === '/respond/drain1')).toHaveLength(1);
  });
});

describe('Bolt writes through the project’s pino logger', () => {
  test('a rejected request is logged by Bolt as a JSON line of ours, at the configured level', async () => {
    const stub = await startSlackStub();
    const out = capture();
    const slack = await startApp(stub.url, { log: createLogger({ level: 'warn' }, out.stream) });
    cleanups.push(stub.close, slack.stop);
    await signedPost(slack.url, commandBody('help', `${stub.url}/respond/x`), { ...form, secret: 'wrong' });
    const lines = out.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => l.component === 'bolt' && l.service === 'igrt-assistant' && /signature/.test(String(l.msg)))).toBe(
      true,
    );
    expect(lines.every((l) => (l.level as number) >= 40)).toBe(true);
  });
});
