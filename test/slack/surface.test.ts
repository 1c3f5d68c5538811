import { describe, expect, test } from 'vitest';
import { appPerFile, eventBody, type RecordedCall, signedPost, waitForCalls, withOwnApp } from './harness.js';

const running = appPerFile();

const blocksOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []);
const postsIn = (channel: string) => (c: RecordedCall) => c.path === '/api/chat.postMessage' && c.body.channel === channel;
let seq = 0;
const ts = () => `${1750000000 + ++seq}.000200`;

const CODES = ['77385', '77386', '77387', '77387-TC', '77387-26', 'G6001', 'G6002', 'G6017', '77014', '77421'];
const FORTY = [...CODES, ...Array.from({ length: 30 }, (_, i) => String(99201 + i))];

/** An app_mention of the bot by a user in a channel. */
const mention = (user: string, channel: string, at: string, text: string) =>
  eventBody({ type: 'app_mention', user, channel, ts: at, text: `<@UBOT> ${text}` });

/** The text of a message's sections (where a claim table's rows are). */
function sectionText(call: RecordedCall | undefined): string {
  return ((call?.body.blocks ?? []) as { text?: { text?: string } }[]).map((b) => b.text?.text ?? '').join('\n');
}

describe('a claim check larger than a message holds', () => {
  test('a 40-line check by mention: every line in the thread, in the message or the file uploaded there (upload URL, upload, completion)', async () => {
    const { stub, slack } = running;
    const root = ts();
    await signedPost(slack.url, mention('U1', 'CCLAIM', root, `check ${FORTY.join(' ')} hospital 2025-03-04`));
    const [answer] = await waitForCalls(stub.calls, postsIn('CCLAIM'));
    expect(answer?.body.thread_ts).toBe(root);
    const shown = sectionText(answer);
    expect(shown).toContain('40 line(s) checked');
    const hidden = Number(/_(\d+) more line\(s\) than a message holds/.exec(shown)?.[1]);
    expect(hidden).toBeGreaterThan(0);
    await waitForCalls(stub.calls, (c) => c.path === '/api/files.completeUploadExternal' && c.body.channel_id === 'CCLAIM');
    const file = [...stub.uploads.values()].find((u) => u.channel === 'CCLAIM');
    expect(file).toMatchObject({ filename: 'claim-check.txt', threadTs: root });
    expect(file?.title).toContain('Claim check');
    // Every claim line is a row of the file; those not in the message are exactly the hidden count.
    const rows = (file?.content ?? '').split('\n').slice(1);
    const lineOf = (row: string) => row.split(/\s{2,}/)[0];
    for (const code of FORTY) expect(rows.map(lineOf)).toContain(code);
    expect(rows.filter((row) => !shown.includes(row.slice(0, 40)))).toHaveLength(hidden);
  });

  test('an upload that fails is told to the asker, not only logged', async () => {
    await withOwnApp({}, async (local, app) => {
      local.failures.set(
        'files.getUploadURLExternal',
        Array.from({ length: 5 }, () => ({ status: 500 })),
      );
      const root = ts();
      await signedPost(app.url, mention('U2', 'CUP', root, `check ${FORTY.join(' ')} hospital 2025-03-04`));
      const [told] = await waitForCalls(local.calls, (c) => c.path === '/api/chat.postEphemeral', 1, 15_000);
      expect(told?.body).toMatchObject({ channel: 'CUP', user: 'U2', thread_ts: root });
      expect(String(told?.body.text)).toContain('could not attach the full claim table');
      expect(blocksOf((await waitForCalls(local.calls, postsIn('CUP')))[0])).toContain('more line(s) than a message holds');
    });
  }, 20_000);
});
