import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  actionBody,
  askCommand,
  commandBody,
  eventBody,
  type RecordedCall,
  signedPost,
  startApp,
  startSlackStub,
  waitForCalls,
} from './harness.js';

let stub: Awaited<ReturnType<typeof startSlackStub>>;
let slack: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  stub = await startSlackStub();
  slack = await startApp(stub.url);
});
afterAll(async () => {
  await slack.stop();
  await stub.close();
});

const blocksOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []);
const posts = (c: RecordedCall) => c.path === '/api/chat.postMessage';
let seq = 0;
const ts = () => `${1700000000 + ++seq}.000100`;

describe('Slack app over signed HTTP', () => {
  test('url_verification answers the challenge', async () => {
    const res = await signedPost(slack.url, JSON.stringify({ type: 'url_verification', challenge: 'chal-123', token: 'x' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chal-123');
  });

  test('a bad signature is rejected with 401', async () => {
    const res = await signedPost(slack.url, commandBody('help', `${stub.url}/respond/x`), {
      secret: 'wrong',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(401);
  });

  test('a timestamp older than five minutes is rejected with 401', async () => {
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await signedPost(slack.url, commandBody('help', `${stub.url}/respond/x`), {
      timestamp: old,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(401);
  });

  test('GET /healthz is ok', async () => {
    const res = await fetch(`${slack.url}/healthz`);
    expect(res.status).toBe(200);
  });

  test('/igrt answers privately, with blocks and a Share button', async () => {
    const call = await askCommand(slack.url, stub, 'Horizon: 3DCRT for rectal cancer, prone on a belly board', '/respond/cmd1');
    expect(call?.body.response_type).toBe('ephemeral');
    expect(blocksOf(call)).toContain('IGRT is medically necessary');
    expect(blocksOf(call)).toContain('II.J');
    expect(blocksOf(call)).toContain('igrt_share');
  });

  test('a mention is answered in its thread; a plain reply in that thread keeps the context', async () => {
    const root = ts();
    await signedPost(
      slack.url,
      eventBody({ type: 'app_mention', user: 'U1', text: '<@UBOT> Horizon 3DCRT prostate', channel: 'C2', ts: root }),
    );
    const [first] = await waitForCalls(stub.calls, (c) => posts(c) && c.body.channel === 'C2');
    expect(first?.body.thread_ts).toBe(root);
    expect(blocksOf(first)).toContain('IGRT is medically necessary');

    await signedPost(
      slack.url,
      eventBody({
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        text: 'what about CVS?',
        channel: 'C2',
        ts: ts(),
        thread_ts: root,
      }),
    );
    const [, second] = await waitForCalls(stub.calls, (c) => posts(c) && c.body.channel === 'C2', 2);
    expect(second?.body.thread_ts).toBe(root);
    expect(blocksOf(second)).toContain('curative or palliative');
    expect(blocksOf(second)).toContain('CVS Health');
  });

  test('a reply in a thread the bot is not in is ignored', async () => {
    await signedPost(
      slack.url,
      eventBody({
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        text: 'Horizon IMRT',
        channel: 'C3',
        ts: ts(),
        thread_ts: '1.0',
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(stub.calls.filter((c) => posts(c) && c.body.channel === 'C3')).toEqual([]);
  });

  test('a DM is answered', async () => {
    await signedPost(
      slack.url,
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'U1',
        text: 'CVS IGRT with proton therapy?',
        channel: 'D1',
        ts: ts(),
      }),
    );
    const [call] = await waitForCalls(stub.calls, (c) => posts(c) && c.body.channel === 'D1');
    expect(blocksOf(call)).toContain('IGRT is medically necessary');
  });

  test('a needs_info button supplies the fact and re-answers in place', async () => {
    const asked = await askCommand(slack.url, stub, 'CVS 3DCRT lung cancer', '/respond/cmd2');
    const buttons = JSON.parse(blocksOf(asked)).flatMap(
      (b: { elements?: { action_id?: string; value?: string; text?: { text: string } }[] }) => b.elements ?? [],
    );
    const curative = buttons.find((e: { text?: { text: string } }) => e.text?.text === 'Curative');
    expect(curative).toBeDefined();
    await signedPost(
      slack.url,
      actionBody({ action_id: curative.action_id, value: curative.value }, `${stub.url}/respond/act1`, true),
      {
        contentType: 'application/x-www-form-urlencoded',
      },
    );
    const [answered] = await waitForCalls(stub.calls, (c) => c.path === '/respond/act1');
    expect(answered?.body.replace_original).toBe(true);
    expect(blocksOf(answered)).toContain('IGRT is medically necessary');
  });

  test('a retried event and an app_mention + message pair are answered once', async () => {
    const at = ts();
    const mention = { type: 'app_mention', user: 'U1', text: '<@UBOT> Horizon IMRT', channel: 'C4', ts: at };
    await signedPost(slack.url, eventBody(mention, 'EvA'));
    await signedPost(slack.url, eventBody(mention, 'EvA'), {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await signedPost(slack.url, eventBody({ ...mention, type: 'message', channel_type: 'channel' }, 'EvB'));
    await new Promise((r) => setTimeout(r, 500));
    expect(stub.calls.filter((c) => posts(c) && c.body.channel === 'C4')).toHaveLength(1);
  });

  test('the bot ignores its own and other bots’ messages', async () => {
    await signedPost(
      slack.url,
      eventBody({ type: 'message', channel_type: 'im', bot_id: 'B2', text: 'Horizon IMRT', channel: 'D9', ts: ts() }),
    );
    await signedPost(
      slack.url,
      eventBody({ type: 'message', subtype: 'bot_message', channel_type: 'im', text: 'Horizon IMRT', channel: 'D9', ts: ts() }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(stub.calls.filter((c) => posts(c) && c.body.channel === 'D9')).toEqual([]);
  });

  test('<!channel> typed in a question never reaches Slack as a mention', async () => {
    const call = await askCommand(slack.url, stub, '<!channel> <@U999> Horizon IMRT & 3DCRT?', '/respond/cmd3');
    expect(call).toBeDefined();
    const sent = JSON.stringify(call?.body);
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<@U999>');
  });

  test('App Home is published', async () => {
    await signedPost(slack.url, eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: ts() }));
    const [call] = await waitForCalls(stub.calls, (c) => c.path === '/api/views.publish');
    expect(JSON.stringify(call?.body.view)).toContain('08/01/2020');
  });
});
