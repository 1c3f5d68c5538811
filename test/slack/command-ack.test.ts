import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';
import type { RateLimiter } from '../../src/slack/rate-limit.js';
import { WorkQueue } from '../../src/slack/work-queue.js';
import {
  actionBody,
  answerOf,
  askCommand,
  commandBody,
  type RecordedCall,
  signedPost,
  type startSlackStub,
  waitForCalls,
  withOwnApp,
} from './harness.js';

// A command's answer rides in its acknowledgement when it is ready within COMMAND_ACK_BUDGET_MS,
// else it goes through the response URL as before. Short budgets keep these tests quick.
const BUDGET_MS = 300;
const SLOWER_MS = BUDGET_MS + 400;
const env = { COMMAND_ACK_BUDGET_MS: String(BUDGET_MS) };
const FORM = { contentType: 'application/x-www-form-urlencoded' };
const QUESTION = 'Horizon: 3DCRT for rectal cancer, prone on a belly board';

type Stub = Awaited<ReturnType<typeof startSlackStub>>;
type Options = Parameters<typeof withOwnApp>[0];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const blocksOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []);
const postsTo = (stub: Stub, path: string) => stub.calls.filter((c) => c.path === path);
/** What a message says, without the ids its buttons carry (each answer is kept under a new one). */
const withoutIds = (call: RecordedCall | undefined) => JSON.stringify(call?.body).replace(/"value":"[^"]*"/g, '"value":"…"');

/** The context store, slower than the budget to read a thread. */
class SlowStore extends MemoryContextStore {
  override async get(threadId: string) {
    await sleep(SLOWER_MS);
    return super.get(threadId);
  }
}

/** Answers normally, but a question starting "hold " waits until released (answer work that is still running). */
function holdable() {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held: typeof answer = async (question, context) => {
    const text = String(question);
    if (!text.startsWith('hold ')) return answer(text, context);
    await gate;
    return answer(text.slice('hold '.length), context);
  };
  return { answer: held, release: () => release() };
}

describe('where a command’s answer arrives', () => {
  const cases: [string, Options, ((stub: Stub) => void) | undefined, 'ack' | 'response_url'][] = [
    ['ready within the budget: in the acknowledgement, and nothing is posted to the response URL', { env }, undefined, 'ack'],
    [
      'users.info (first contact) slower than the budget: a bare ack at the budget, then the response URL, once',
      { env },
      (stub) => stub.delays.set('users.info', SLOWER_MS),
      'response_url',
    ],
    [
      'the context store slower than the budget: a bare ack at the budget, then the response URL, once',
      { env, store: new SlowStore() },
      undefined,
      'response_url',
    ],
    ['a budget of 0: always through the response URL', { env: { COMMAND_ACK_BUDGET_MS: '0' } }, undefined, 'response_url'],
    [
      'the event loop saturated: a bare ack at once, then the response URL, once',
      { env, loopLoad: { saturated: () => true } },
      undefined,
      'response_url',
    ],
  ];

  test.each(cases)('%s', async (_rule, options, arrange, via) => {
    await withOwnApp(options, async (stub, slack) => {
      arrange?.(stub);
      const started = Date.now();
      const ack = await signedPost(slack.url, commandBody(QUESTION, `${stub.url}/respond/r`), FORM);
      // Never late because of waiting for the answer: the budget, and Slack allows 3 s.
      expect(Date.now() - started).toBeLessThan(BUDGET_MS + 1500);
      const told = await answerOf(ack, stub.calls, '/respond/r');
      expect(told?.via).toBe(via);
      expect(told?.body.response_type).toBe('ephemeral');
      expect(blocksOf(told)).toContain('IGRT is medically necessary');
      expect(blocksOf(told)).toContain('igrt_share');
      await sleep(SLOWER_MS + 200);
      // Computed once, delivered once.
      expect(postsTo(stub, '/respond/r')).toHaveLength(via === 'ack' ? 0 : 1);
    });
  });

  test('the acknowledgement carries the very message the response URL would have', async () => {
    const inAck = await withOwnApp({ env }, (stub, slack) => askCommand(slack.url, stub, QUESTION, '/respond/a'));
    const posted = await withOwnApp({ env: { COMMAND_ACK_BUDGET_MS: '0' } }, (stub, slack) =>
      askCommand(slack.url, stub, QUESTION, '/respond/b'),
    );
    expect([inAck.via, posted.via]).toEqual(['ack', 'response_url']);
    expect(withoutIds(inAck)).toBe(withoutIds(posted));
  });
});

describe('a failing answer is told as before', () => {
  const failing =
    (after: number): typeof answer =>
    async () => {
      await sleep(after);
      throw new Error('boom');
    };
  const cases: [string, typeof answer, 'ack' | 'response_url'][] = [
    ['failing within the budget: "something went wrong" in the acknowledgement', failing(0), 'ack'],
    ['failing after the budget: "something went wrong" through the response URL', failing(SLOWER_MS), 'response_url'],
  ];

  test.each(cases)('%s', async (_rule, broken, via) => {
    await withOwnApp({ env, answer: broken }, async (stub, slack) => {
      const told = await askCommand(slack.url, stub, 'Horizon IMRT', '/respond/f', 'UFAIL');
      expect(told.via).toBe(via);
      expect(told.body.response_type).toBe('ephemeral');
      expect(String(told.body.text)).toContain('something went wrong');
      await sleep(200);
      expect(postsTo(stub, '/respond/f')).toHaveLength(via === 'ack' ? 0 : 1);
    });
  });
});

describe('refusals still ride in the acknowledgement, as text only', () => {
  const cases: [string, () => Options, RegExp][] = [
    [
      'over the rate limit: "slow down"',
      () => ({ env, limiter: { allow: () => false } as unknown as RateLimiter }),
      /faster than I can answer/,
    ],
    [
      'the answer queue not taking work: "busy"',
      () => {
        const work = new WorkQueue({ concurrency: 1, maxQueued: 0, maxWaitMs: 60_000 });
        void work.drain();
        return { env, work };
      },
      /a lot of questions/,
    ],
  ];

  test.each(cases)('%s', async (_rule, options, said) => {
    await withOwnApp(options(), async (stub, slack) => {
      const told = await askCommand(slack.url, stub, QUESTION, '/respond/x', 'UREF');
      expect(told.via).toBe('ack');
      expect(told.body).toEqual({ response_type: 'ephemeral', text: expect.stringMatching(said) });
      await sleep(200);
      expect(postsTo(stub, '/respond/x')).toEqual([]);
    });
  });
});

describe('after an answer in the acknowledgement', () => {
  test('the file it promises is still uploaded to the asker’s DM, and nothing goes to the response URL', async () => {
    await withOwnApp({ env }, async (stub, slack) => {
      const codes = ['77385', '77386', '77387', '77387-TC', '77387-26', 'G6001', 'G6002', 'G6017', '77014', '77421'];
      const all = [...codes, ...Array.from({ length: 30 }, (_, i) => String(99201 + i))];
      const told = await askCommand(slack.url, stub, `check ${all.join(' ')} hospital 2025-03-04`, '/respond/file', 'UFILE');
      expect(told.via).toBe('ack');
      const text = ((told.body.blocks ?? []) as { text?: { text?: string } }[]).map((b) => b.text?.text ?? '').join('\n');
      expect(text).toMatch(/_\d+ more line\(s\) than a message holds/);
      await waitForCalls(stub.calls, (c) => c.path === '/api/files.completeUploadExternal' && c.body.channel_id === 'DUFILE');
      const file = [...stub.uploads.values()].find((u) => u.channel === 'DUFILE');
      expect(file?.filename).toBe('claim-check.txt');
      for (const code of all) expect(`${text}\n${file?.content}`).toMatch(new RegExp(`(^|\\n|\`)${code}\\s`));
      expect(postsTo(stub, '/respond/file')).toEqual([]);
    });
  });

  test('Share posts exactly what the acknowledgement showed', async () => {
    await withOwnApp({ env }, async (stub, slack) => {
      const told = await askCommand(slack.url, stub, 'CVS 3dcrt prostate & 77387', '/respond/s', 'USHARE');
      expect(told.via).toBe('ack');
      const blocks = (told.body.blocks ?? []) as { block_id?: string; elements?: { action_id?: string; value?: string }[] }[];
      const share = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'igrt_share');
      await signedPost(
        slack.url,
        actionBody({ action_id: 'igrt_share', value: String(share?.value) }, `${stub.url}/respond/s-share`, true, {
          user: 'USHARE',
        }),
        FORM,
      );
      const [posted] = await waitForCalls(
        stub.calls,
        (c) => c.path === '/respond/s-share' && c.body.response_type === 'in_channel',
      );
      const shared = (posted?.body.blocks ?? []) as unknown[];
      expect(JSON.stringify(shared[0])).toContain('<@USHARE> shared:');
      expect(shared.slice(1)).toEqual(blocks.filter((b) => b.block_id !== 'igrt_share'));
      expect(
        await waitForCalls(stub.calls, (c) => c.path === '/respond/s-share' && c.body.delete_original === true),
      ).toHaveLength(1);
    });
  });
});

describe('answering in the acknowledgement never jumps or widens the work queue', () => {
  // [rule, answers at once, commands still being answered before it, where the next one is answered]
  const cases: [string, number, number, 'ack' | 'response_url'][] = [
    ['a slot free and nothing waiting: in the acknowledgement, even while another answer runs', 2, 1, 'ack'],
    ['every slot taken: a bare ack, and the answer through the queue and the response URL', 1, 1, 'response_url'],
    ['questions waiting: a bare ack, and the answer after theirs through the response URL', 1, 2, 'response_url'],
  ];

  test.each(cases)('%s', async (_rule, concurrency, before, via) => {
    const held = holdable();
    const work = new WorkQueue({ concurrency, maxQueued: 10, maxWaitMs: 60_000 });
    await withOwnApp({ env, answer: held.answer, work }, async (stub, slack) => {
      try {
        for (let i = 0; i < before; i++) {
          const ack = await signedPost(
            slack.url,
            commandBody(`hold ${QUESTION}`, `${stub.url}/respond/held${i}`, `UH${i}`),
            FORM,
          );
          expect(await ack.text()).toBe('');
        }
        const ack = await (await signedPost(slack.url, commandBody(QUESTION, `${stub.url}/respond/next`, 'UNEXT'), FORM)).text();
        if (via === 'ack') {
          expect(ack).toContain('IGRT is medically necessary');
        } else {
          expect(ack).toBe('');
          await sleep(100);
          expect(postsTo(stub, '/respond/next')).toEqual([]);
        }
      } finally {
        held.release();
      }
      const paths = [
        ...Array.from({ length: before }, (_, i) => `/respond/held${i}`),
        ...(via === 'ack' ? [] : ['/respond/next']),
      ];
      await waitForCalls(stub.calls, (c) => paths.includes(c.path), paths.length);
      await sleep(200);
      for (const path of paths) {
        expect(postsTo(stub, path), path).toHaveLength(1);
        expect(blocksOf(postsTo(stub, path)[0])).toContain('IGRT is medically necessary');
      }
      if (via === 'ack') expect(postsTo(stub, '/respond/next')).toEqual([]);
    });
  });
});
