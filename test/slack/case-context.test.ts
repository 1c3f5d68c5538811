import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  actionBody,
  askCommand,
  eventBody,
  type RecordedCall,
  signedPost,
  startApp,
  startSlackStub,
  waitForCalls,
} from './harness.js';

let stub: Awaited<ReturnType<typeof startSlackStub>>;
let slack: Awaited<ReturnType<typeof startApp>>;
// 23:30 on New Year's Eve in New York is already 1 January in UTC: the code-set change day.
let clock = new Date('2026-01-01T04:30:00Z');

beforeAll(async () => {
  stub = await startSlackStub();
  stub.zones.set('UNY', 'America/New_York');
  slack = await startApp(stub.url, { now: () => clock, env: { DEFAULT_TIME_ZONE: 'America/Los_Angeles' } });
});
afterAll(async () => {
  await slack.stop();
  await stub.close();
});

const FORM = { contentType: 'application/x-www-form-urlencoded' };
const blocksOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []);
let seq = 0;

/** Sends `/igrt <text>` as a user and returns its answer, wherever it arrived. */
const igrt = (text: string, user = 'U1'): Promise<RecordedCall> =>
  askCommand(slack.url, stub, text, `/respond/case${++seq}`, user);

describe('case boundaries in Slack', () => {
  test('lung → rectal by slash command: the rectal case carries the payer only, and says so with a New case button', async () => {
    const lung = await igrt('CVS 3dcrt lung palliative, near prior RT field', 'ULUNG');
    expect(blocksOf(lung)).toContain('IGRT is medically necessary');
    const rectal = await igrt('IGRT with 3DCRT for rectal cancer?', 'ULUNG');
    const blocks = blocksOf(rectal);
    expect(blocks).toContain('From earlier: CVS Health');
    expect(blocks).not.toContain('· palliative');
    expect(blocks).not.toContain('previously irradiated area: yes');
    expect(blocks).not.toContain('✅');
    expect(blocks).toContain('igrt_new_case');
  });

  test('the New case button clears the conversation in place', async () => {
    await igrt('CVS 3dcrt lung palliative', 'UNEW');
    const carried = await igrt('what about Horizon?', 'UNEW');
    const blocks = (carried?.body.blocks ?? []) as { block_id?: string; elements?: { value: string }[] }[];
    const elements = blocks.find((b) => b.block_id === 'igrt_new_case')?.elements;
    const value = elements?.[0]?.value as string;
    await signedPost(
      slack.url,
      actionBody({ action_id: 'igrt_new_case', value }, `${stub.url}/respond/newcase`, true, { user: 'UNEW' }),
      FORM,
    );
    const [reset] = await waitForCalls(stub.calls, (c) => c.path === '/respond/newcase');
    expect(reset?.body.replace_original).toBe(true);
    expect(blocksOf(reset)).toContain('New case');
    const after = await igrt('what about CVS?', 'UNEW');
    expect(blocksOf(after)).not.toContain('palliative');
  });

  test('a thread keeps its date of service for "what about in the hospital?"', async () => {
    const root = '1800000000.000100';
    await signedPost(
      slack.url,
      eventBody({
        type: 'app_mention',
        user: 'U1',
        channel: 'C9',
        ts: root,
        text: '<@UBOT> horizon, freestanding office, dos 4/15/2025, bill 77387 with 3dcrt prostate?',
      }),
    );
    await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'C9');
    await signedPost(
      slack.url,
      eventBody({
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        channel: 'C9',
        ts: '1800000001.000100',
        thread_ts: root,
        text: 'what about in the hospital?',
      }),
    );
    const [, second] = await waitForCalls(stub.calls, (c) => c.path === '/api/chat.postMessage' && c.body.channel === 'C9', 2);
    expect(blocksOf(second)).toContain('Date of service 2025-04-15, from earlier in this conversation');
  });

  test.each([
    [
      'a user in America/New_York at 23:30 local (04:30 UTC next day) gets their own date',
      'UNY',
      '2026-01-01T04:30:00Z',
      '2025-12-31',
    ],
    ['a user in America/New_York at 23:30 UTC gets that day’s date', 'UNY', '2025-12-31T23:30:00Z', '2025-12-31'],
    ['a user whose profile has no zone gets the configured zone’s date', 'UNOZONE', '2026-01-01T04:30:00Z', '2025-12-31'],
    ['the configured zone moves on at its own midnight', 'UNOZONE', '2026-01-01T08:30:00Z', '2026-01-01'],
  ])('%s', async (_rule, user, at, date) => {
    clock = new Date(at);
    const reply = await igrt('Horizon hospital outpatient: can I bill 77387 with 3DCRT prostate?', user);
    expect(blocksOf(reply)).toContain(`no date given, so today, ${date}`);
  });

  test('a 40-line claim check by slash command shows every line: in the private answer, the rest in a file in the asker’s DM', async () => {
    const codes = ['77385', '77386', '77387', '77387-TC', '77387-26', 'G6001', 'G6002', 'G6017', '77014', '77421'];
    const all = [...codes, ...Array.from({ length: 30 }, (_, i) => String(99201 + i))];
    const reply = await igrt(`check ${all.join(' ')} hospital 2025-03-04`, 'UCLAIM');
    const blocks = (reply?.body.blocks ?? []) as { text?: { text?: string } }[];
    const text = blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain('40 line(s) checked');
    const hidden = Number(/_(\d+) more line\(s\) than a message holds/.exec(text)?.[1]);
    expect(hidden).toBeGreaterThan(0);
    await waitForCalls(stub.calls, (c) => c.path === '/api/files.completeUploadExternal' && c.body.channel_id === 'DUCLAIM');
    const file = [...stub.uploads.values()].find((u) => u.channel === 'DUCLAIM');
    expect(file?.filename).toBe('claim-check.txt');
    for (const code of all) expect(`${text}\n${file?.content}`).toMatch(new RegExp(`(^|\\n|\`)${code}\\s`));
  });
});
