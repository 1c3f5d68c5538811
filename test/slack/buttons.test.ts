import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reviewLines } from '../../src/cli/review-lines.js';
import { FileFeedbackStore } from '../../src/context/feedback-store.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';
import type { RateLimiter } from '../../src/slack/rate-limit.js';
import {
  actionBody,
  askCommand,
  eventBody,
  type RecordedCall,
  signedPost,
  startApp,
  startSlackStub,
  viewSubmissionBody,
  waitForCalls,
} from './harness.js';

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string; text?: { text: string } }[] };

const form = { contentType: 'application/x-www-form-urlencoded' };
const blocksOf = (call: RecordedCall | undefined) => (call?.body.blocks ?? []) as Block[];
const button = (call: RecordedCall | undefined, find: (e: { action_id?: string; text?: { text: string } }) => boolean) => {
  const found = blocksOf(call)
    .flatMap((b) => b.elements ?? [])
    .find(find);
  if (!found?.action_id || found.value === undefined) throw new Error('button not found');
  return { action_id: found.action_id, value: found.value };
};

let stub: Awaited<ReturnType<typeof startSlackStub>>;
let slack: Awaited<ReturnType<typeof startApp>>;
const spent = new Set<string>();
let dir: string;
let feedback: FileFeedbackStore;
const store = new MemoryContextStore();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'igrt-feedback-'));
  feedback = new FileFeedbackStore(join(dir, 'feedback.jsonl'), { retentionMs: 86_400_000, maxEntries: 100 });
  stub = await startSlackStub();
  slack = await startApp(stub.url, {
    store,
    feedback,
    // A user named ULIM… has one request's budget, so whatever they click next is over the limit.
    limiter: {
      allow: (user: string) => !user.startsWith('ULIM') || (!spent.has(user) && Boolean(spent.add(user))),
    } as unknown as RateLimiter,
  });
});
afterAll(async () => {
  await slack.stop();
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (text: string, path: string, user = 'U1'): Promise<RecordedCall> => askCommand(slack.url, stub, text, path, user);

async function click(value: { action_id: string; value: string }, path: string, ephemeral: boolean, by = {}) {
  await signedPost(slack.url, actionBody(value, `${stub.url}${path}`, ephemeral, by), form);
}

describe('Share posts exactly what was seen', () => {
  test('the shared blocks are the private answer’s, under "<@user> shared:" and the question; the question is not re-run', async () => {
    const first = await ask('CVS 3dcrt prostate & 77387', '/respond/s1');
    // A later turn changes the thread's context; sharing the first answer must not reflect it.
    await ask('palliative', '/respond/s2');
    const before = stub.calls.length;
    const share = button(first, (e) => e.action_id === 'igrt_share');
    expect(share.value).toMatch(/^[\w-]{8,32}$/);
    await click(share, '/respond/s1-share', true);
    const [posted] = await waitForCalls(
      stub.calls,
      (c) => c.path === '/respond/s1-share' && c.body.response_type === 'in_channel',
    );
    const sharedBlocks = blocksOf(posted);
    expect(JSON.stringify(sharedBlocks[0])).toContain('<@U1> shared:');
    expect(JSON.stringify(sharedBlocks[0])).toContain('CVS 3dcrt prostate &amp; 77387');
    expect(sharedBlocks.slice(1)).toEqual(blocksOf(first).filter((b) => b.block_id !== 'igrt_share'));
    const [deleted] = await waitForCalls(stub.calls, (c) => c.path === '/respond/s1-share' && c.body.delete_original === true);
    expect(deleted).toBeDefined();
    // Nothing was answered again: no Web API call, no other response-URL post.
    expect(stub.calls.slice(before).filter((c) => c.path !== '/respond/s1-share')).toEqual([]);
  });

  test('an over-limit Share is told privately and the private answer stays', async () => {
    const first = await ask('Horizon IMRT prostate', '/respond/lim1', 'ULIM');
    await click(
      button(first, (e) => e.action_id === 'igrt_share'),
      '/respond/lim1-share',
      true,
      { user: 'ULIM' },
    );
    const [told] = await waitForCalls(stub.calls, (c) => c.path === '/respond/lim1-share');
    expect(told?.body.response_type).toBe('ephemeral');
    expect(told?.body.replace_original).toBe(false);
    expect(String(told?.body.text)).toContain('faster than I can answer');
    await new Promise((r) => setTimeout(r, 200));
    const sent = stub.calls.filter((c) => c.path === '/respond/lim1-share');
    expect(sent).toHaveLength(1);
    expect(sent.some((c) => c.body.delete_original || c.body.response_type === 'in_channel')).toBe(false);
  });

  test('an expired or unknown answer is told politely, privately', async () => {
    await click({ action_id: 'igrt_share', value: 'gone12345678' }, '/respond/expired', true);
    const [told] = await waitForCalls(stub.calls, (c) => c.path === '/respond/expired');
    expect(told?.body.response_type).toBe('ephemeral');
    expect(String(told?.body.text)).toContain('expired');
  });
});

describe('buttons have an owner', () => {
  test('a foreign click is answered privately and leaves the asker’s message and context alone; the asker’s click is attributed in the thread', async () => {
    const root = '1700000500.000100';
    await signedPost(
      slack.url,
      eventBody({ type: 'app_mention', user: 'U1', text: '<@UBOT> CVS 3DCRT lung cancer', channel: 'CB', ts: root }),
    );
    const [asked] = await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CB');
    const thread = `thread:CB:${root}`;
    const context = await store.get(thread);
    expect(context).toBeDefined();
    const curative = button(asked, (e) => e.text?.text === 'Curative');
    expect(curative.value).not.toContain('{');

    await click(curative, '/respond/foreign', false, { user: 'U2', channel: 'CB', ts: root });
    const [foreign] = await waitForCalls(stub.calls, (c) => c.path === '/respond/foreign');
    expect(foreign?.body.response_type).toBe('ephemeral');
    expect(foreign?.body.replace_original).toBe(false);
    expect(JSON.stringify(foreign?.body.blocks)).toContain('IGRT is medically necessary');
    expect(await store.get(thread)).toEqual(context);
    expect(stub.calls.filter((c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CB')).toHaveLength(1);

    await click(curative, '/respond/owner', false, { user: 'U1', channel: 'CB', ts: root });
    const [, owner] = await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'CB', 2);
    expect(owner?.body.thread_ts).toBe(root);
    expect(JSON.stringify(owner?.body.blocks)).toContain('<@U1> chose *Curative*');
    expect(JSON.stringify(owner?.body.blocks)).toContain('IGRT is medically necessary');
    expect(stub.calls.some((c) => c.path === '/respond/owner')).toBe(false);
  });

  test('a rate-limited click never replaces the answer', async () => {
    const asked = await ask('CVS 3DCRT lung cancer', '/respond/lim2', 'ULIM2');
    await click(
      button(asked, (e) => e.text?.text === 'Curative'),
      '/respond/lim2-click',
      true,
      { user: 'ULIM2' },
    );
    const [told] = await waitForCalls(stub.calls, (c) => c.path === '/respond/lim2-click');
    expect(told?.body.replace_original).toBe(false);
    expect(told?.body.response_type).toBe('ephemeral');
  });
});

describe('feedback', () => {
  test('a 👎 with a correction is kept scrubbed and appears in the review export', async () => {
    const asked = await ask('Horizon 3DCRT rectal cancer MRN 12345678, prone on a belly board', '/respond/fb1');
    const down = button(asked, (e) => e.action_id === 'igrt_feedback_down');
    expect(button(asked, (e) => e.action_id === 'igrt_feedback_up').value).toBe(down.value);
    await click(down, '/respond/fb1-down', true);
    const [opened] = await waitForCalls(stub.calls, (c) => c.path === '/api/views.open');
    const view = opened?.body.view as { callback_id: string; private_metadata: string };
    expect(view.private_metadata).toBe(down.value);
    await signedPost(
      slack.url,
      viewSubmissionBody(view.callback_id, view.private_metadata, {
        igrt_feedback_wrong: 'it should ask about prior RT',
        igrt_feedback_correction: 'prior RT to the pelvis, DOB 1/2/1950',
      }),
      form,
    );
    let lines: string[] = [];
    for (let i = 0; i < 100 && lines.length === 0; i++) {
      lines = reviewLines(await feedback.list());
      if (lines.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string);
    expect(line.q).toContain('Horizon 3DCRT rectal cancer');
    expect(line.q).not.toContain('12345678');
    expect(line.correction).toContain('prior RT to the pelvis');
    expect(line.correction).not.toContain('1/2/1950');
    expect(line.wrong).toBe('it should ask about prior RT');
    expect(Object.values(line.given)).toContain('medically_necessary');
    expect(line.expect).toEqual({});
  });

  test('a 👍 is kept and thanked privately', async () => {
    const asked = await ask('Horizon IMRT', '/respond/fb2');
    await click(
      button(asked, (e) => e.action_id === 'igrt_feedback_up'),
      '/respond/fb2-up',
      true,
    );
    const [told] = await waitForCalls(stub.calls, (c) => c.path === '/respond/fb2-up');
    expect(told?.body.text).toContain('Thanks');
    expect(told?.body.replace_original).toBe(false);
    expect((await feedback.list()).some((e) => e.rating === 'up')).toBe(true);
  });
});
