import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import {
  actionBody,
  answerOf,
  appPerFile,
  askCommand,
  type CommandAnswer,
  commandBody,
  eventBody,
  homeActionBody,
  type RecordedCall,
  signedPost,
  waitForCalls,
  withOwnApp,
} from './harness.js';

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

/** A message event (a DM, a group DM, a channel message), by U1 unless said. */
const messageIn = (channelType: string, channel: string, text: string, extra: Record<string, unknown> = {}) =>
  eventBody({ type: 'message', channel_type: channelType, user: 'U1', channel, text, ts: ts(), ...extra });

describe('group DMs', () => {
  test('a message that mentions the bot is answered in its thread; a reply there keeps the context; chatter is left alone', async () => {
    const { stub, slack } = running;
    await signedPost(slack.url, messageIn('mpim', 'GCHAT', 'lunch at noon?'));
    const root = ts();
    await signedPost(slack.url, messageIn('mpim', 'GMP1', '<@UBOT> Horizon 3DCRT prostate', { ts: root }));
    const [first] = await waitForCalls(stub.calls, postsIn('GMP1'));
    expect(first?.body.thread_ts).toBe(root);
    expect(blocksOf(first)).toContain('IGRT is medically necessary');
    await signedPost(slack.url, messageIn('mpim', 'GMP1', 'what about CVS?', { thread_ts: root }));
    const [, second] = await waitForCalls(stub.calls, postsIn('GMP1'), 2);
    expect(second?.body.thread_ts).toBe(root);
    expect(blocksOf(second)).toContain('CVS Health');
    expect(blocksOf(second)).toContain('curative or palliative');
    expect(stub.calls.filter(postsIn('GCHAT'))).toEqual([]);
  });

  test('delivered both as message.mpim and as app_mention, it is answered once', async () => {
    const { stub, slack } = running;
    const at = ts();
    const text = '<@UBOT> Horizon IMRT';
    await signedPost(slack.url, eventBody({ type: 'app_mention', user: 'U1', channel: 'GMP2', ts: at, text }));
    await signedPost(slack.url, messageIn('mpim', 'GMP2', text, { ts: at }));
    await new Promise((r) => setTimeout(r, 500));
    expect(stub.calls.filter(postsIn('GMP2'))).toHaveLength(1);
  });
});

describe('"Also send to channel" replies, and messages with a file attached', () => {
  test.each([
    ['a channel thread the bot answered in', 'channel', 'CBC1'],
    ['a group DM thread the bot answered in', 'mpim', 'GBC1'],
  ])('a thread_broadcast reply in %s is answered in the thread, with its context', async (_rule, channelType, channel) => {
    const { stub, slack } = running;
    const root = ts();
    await signedPost(
      slack.url,
      eventBody({ type: 'app_mention', user: 'U1', channel, ts: root, text: '<@UBOT> Horizon 3DCRT prostate' }),
    );
    await waitForCalls(stub.calls, postsIn(channel));
    await signedPost(
      slack.url,
      messageIn(channelType, channel, 'what about CVS?', { subtype: 'thread_broadcast', thread_ts: root }),
    );
    const [, second] = await waitForCalls(stub.calls, postsIn(channel), 2);
    expect(second?.body.thread_ts).toBe(root);
    expect(blocksOf(second)).toContain('CVS Health');
  });

  test('a DM with a file attached (file_share) is answered from its text', async () => {
    const { stub, slack } = running;
    await signedPost(
      slack.url,
      messageIn('im', 'DFS1', 'Horizon IMRT, is IGRT covered?', {
        subtype: 'file_share',
        files: [{ id: 'FX', name: 'eob.pdf' }],
      }),
    );
    const [answer] = await waitForCalls(stub.calls, postsIn('DFS1'));
    expect(blocksOf(answer)).toContain('IGRT is medically necessary');
  });

  test('a thread_broadcast in a thread the bot is not in is left alone', async () => {
    const { stub, slack } = running;
    await signedPost(slack.url, messageIn('channel', 'CBC2', 'Horizon IMRT', { subtype: 'thread_broadcast', thread_ts: '1.0' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(stub.calls.filter(postsIn('CBC2'))).toEqual([]);
  });
});

const FORM = { contentType: 'application/x-www-form-urlencoded' };

/** The Ask buttons of a published Home view: one per example question. */
function askButtons(view: unknown): { action_id: string; value: string }[] {
  const blocks = (view as { blocks: { accessory?: { action_id: string; value: string } }[] }).blocks;
  return blocks.flatMap((b) => (b.accessory?.action_id === 'igrt_home_example' ? [b.accessory] : []));
}

describe('App Home examples ask when clicked', () => {
  test('each example has an Ask button; a click answers it in the user’s DM, under the question, and the DM carries it on', async () => {
    const { stub, slack } = running;
    await signedPost(
      slack.url,
      eventBody({ type: 'app_home_opened', user: 'UHOME', channel: 'DUHOME', tab: 'home', event_ts: ts() }),
    );
    const [published] = await waitForCalls(stub.calls, (c) => c.path === '/api/views.publish' && c.body.user_id === 'UHOME');
    const buttons = askButtons(published?.body.view);
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    const rectal = buttons.find((b) => b.value.includes('rectal')) as { action_id: string; value: string };
    await signedPost(slack.url, homeActionBody(rectal, 'UHOME'), FORM);
    const [answer] = await waitForCalls(stub.calls, postsIn('DUHOME'));
    expect(stub.calls.some((c) => c.path === '/api/conversations.open' && c.body.users === 'UHOME')).toBe(true);
    expect(answer?.body.thread_ts).toBeUndefined();
    expect(blocksOf(answer)).toContain('You asked (from Home)');
    expect(blocksOf(answer)).toContain('IGRT is medically necessary');
    // The DM is the conversation the example started: a follow-up there carries its facts.
    await signedPost(
      slack.url,
      eventBody({ type: 'message', channel_type: 'im', user: 'UHOME', channel: 'DUHOME', text: 'what about CVS?', ts: ts() }),
    );
    const [, followUp] = await waitForCalls(stub.calls, postsIn('DUHOME'), 2);
    expect(blocksOf(followUp)).toContain('CVS Health');
    expect(blocksOf(followUp)).toContain('From earlier');
  });

  test('when the DM cannot be opened, the Home tab says so', async () => {
    await withOwnApp({}, async (local, app) => {
      local.failures.set(
        'conversations.open',
        Array.from({ length: 5 }, () => ({ status: 500 })),
      );
      await signedPost(app.url, homeActionBody({ action_id: 'igrt_home_example', value: 'Horizon IMRT' }, 'UNODM'), FORM);
      const [told] = await waitForCalls(local.calls, (c) => c.path === '/api/views.publish', 1, 15_000);
      expect(JSON.stringify(told?.body.view)).toContain('could not open our DM');
    });
  }, 20_000);
});

describe('the assistant container', () => {
  test('a new assistant thread is greeted with example prompts; a message there shows a status and is answered in the thread, keeping its context', async () => {
    const { stub, slack } = running;
    const thread = ts();
    await signedPost(
      slack.url,
      eventBody({
        type: 'assistant_thread_started',
        assistant_thread: { user_id: 'UAI', context: {}, channel_id: 'DAI', thread_ts: thread },
        event_ts: ts(),
      }),
    );
    const [prompts] = await waitForCalls(stub.calls, (c) => c.path === '/api/assistant.threads.setSuggestedPrompts');
    expect(prompts?.body).toMatchObject({ channel_id: 'DAI', thread_ts: thread });
    const offered = prompts?.body.prompts as { title: string; message: string }[];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(4);
    const [greeting] = await waitForCalls(stub.calls, postsIn('DAI'));
    expect(greeting?.body.thread_ts).toBe(thread);

    const first = offered.find((p) => p.message.includes('rectal')) ?? offered[0];
    await signedPost(slack.url, messageIn('im', 'DAI', String(first?.message), { user: 'UAI', thread_ts: thread }));
    const [status] = await waitForCalls(stub.calls, (c) => c.path === '/api/assistant.threads.setStatus');
    expect(status?.body).toMatchObject({ channel_id: 'DAI', thread_ts: thread });
    const [, answer] = await waitForCalls(stub.calls, postsIn('DAI'), 2);
    expect(answer?.body.thread_ts).toBe(thread);
    expect(blocksOf(answer)).toContain('IGRT is medically necessary');
    await signedPost(slack.url, messageIn('im', 'DAI', 'what about CVS?', { user: 'UAI', thread_ts: thread }));
    const [, , again] = await waitForCalls(stub.calls, postsIn('DAI'), 3);
    expect(blocksOf(again)).toContain('CVS Health');
  });
});

describe('a failed answer is told to the asker on every surface, not only logged', () => {
  // Answers work until a case breaks them, so a button can be clicked on a real answer first.
  let broken = false;
  const breakable = (async (question, context) => {
    if (broken) throw new Error('boom');
    return answer(question, context);
  }) as typeof answer;
  const told = (c: RecordedCall) => /something went wrong/.test(String(c.body.text));

  type Step = (url: string, stub: string) => Promise<unknown>;
  /**
   * Each case: what to do while answers work (and wait for), what to send once they fail, and where the notice must land.
   * A command's step returns what its user was told (answerOf), which may have ridden in the acknowledgement.
   */
  const cases: [string, Step, Step, (c: RecordedCall) => boolean][] = [
    [
      '/igrt: privately (in the acknowledgement when it fails in time)',
      async () => {},
      async (url, stub) =>
        answerOf(
          await signedPost(url, commandBody('Horizon IMRT', `${stub}/respond/fail-cmd`, 'UF1'), FORM),
          calls,
          '/respond/fail-cmd',
        ),
      (c) => c.path === '/respond/fail-cmd' && c.body.response_type === 'ephemeral',
    ],
    [
      'a mention: in its thread',
      async () => {},
      (url) => signedPost(url, mention('UF2', 'CF2', '1760000000.000100', 'Horizon IMRT')),
      (c) => postsIn('CF2')(c) && c.body.thread_ts === '1760000000.000100',
    ],
    [
      'a DM: in the DM',
      async () => {},
      (url) => signedPost(url, messageIn('im', 'DF3', 'Horizon IMRT', { user: 'UF3' })),
      postsIn('DF3'),
    ],
    [
      'a group DM mention: in its thread',
      async () => {},
      (url) => signedPost(url, messageIn('mpim', 'GF4', '<@UBOT> Horizon IMRT', { user: 'UF4', ts: '1760000000.000400' })),
      (c) => postsIn('GF4')(c) && c.body.thread_ts === '1760000000.000400',
    ],
    [
      'an "Also send to channel" reply: in the thread',
      async (url) => {
        await signedPost(url, mention('UF5', 'CF5', '1760000000.000500', 'Horizon 3DCRT prostate'));
        await waitForCalls(calls, postsIn('CF5'));
      },
      (url) =>
        signedPost(
          url,
          messageIn('channel', 'CF5', 'what about CVS?', {
            user: 'UF5',
            subtype: 'thread_broadcast',
            thread_ts: '1760000000.000500',
          }),
        ),
      (c) => postsIn('CF5')(c) && c.body.thread_ts === '1760000000.000500',
    ],
    [
      'a follow-up button on a private answer: privately, leaving the answer',
      async (url, stub) => {
        asked = await askCommand(url, { url: stub, calls }, 'CVS 3DCRT lung cancer', '/respond/fail-btn-ask', 'UF6');
      },
      clickFirstFollowUp,
      (c) => c.path === '/respond/fail-btn' && c.body.replace_original === false,
    ],
    [
      'an App Home example: in the DM',
      async () => {},
      (url) => signedPost(url, homeActionBody({ action_id: 'igrt_home_example', value: 'Horizon IMRT' }, 'UF7'), FORM),
      postsIn('DUF7'),
    ],
    [
      'the assistant container: in its thread',
      async () => {},
      (url) => signedPost(url, messageIn('im', 'DF8', 'Horizon IMRT', { user: 'UF8', thread_ts: '1760000000.000800' })),
      (c) => postsIn('DF8')(c) && c.body.thread_ts === '1760000000.000800',
    ],
  ];
  let calls: RecordedCall[] = [];
  let asked: RecordedCall | undefined;
  async function clickFirstFollowUp(url: string, stub: string) {
    const blocks = (asked?.body.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
    const option = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('igrt_follow_up_'));
    return signedPost(
      url,
      actionBody({ action_id: String(option?.action_id), value: String(option?.value) }, `${stub}/respond/fail-btn`, true, {
        user: 'UF6',
      }),
      FORM,
    );
  }

  test.each(cases)('%s', async (_rule, before, failing, where) => {
    await withOwnApp({ answer: breakable }, async (local, app) => {
      calls = local.calls;
      broken = false;
      await before(app.url, local.url);
      broken = true;
      try {
        const sent = await failing(app.url, local.url);
        const inAck = sent && typeof sent === 'object' && 'via' in sent ? [sent as CommandAnswer] : [];
        const [notice] = inAck.length
          ? inAck.filter((c) => where(c) && told(c))
          : await waitForCalls(local.calls, (c) => where(c) && told(c));
        expect(notice, JSON.stringify(local.calls.map((c) => c.path))).toBeDefined();
      } finally {
        broken = false;
      }
    });
  });
});
