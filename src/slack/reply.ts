import { randomUUID } from 'node:crypto';
import type { Answer } from '../contract/answer.js';
import { logAnswer } from '../log/logger.js';
import { renderBlocks } from '../render/blocks.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { SlackDeps } from './deps.js';
import { decodeButton, encodeButton } from './threads.js';

const SLOW_DOWN: Answer = {
  intent: 'help',
  findings: [],
  text: 'You’re sending questions faster than I can answer them well — give me a few seconds and ask again.',
  facts: {},
};

/** Answers a question in a thread and renders it for Slack; logs what was decided, never the text. */
export async function answerForSlack(
  deps: SlackDeps,
  question: string,
  thread: string,
  extra: { shareable?: boolean; user?: string; surface?: string } = {},
): Promise<{ answer: Answer; blocks: ReturnType<typeof renderBlocks>['blocks']; text: string }> {
  const started = performance.now();
  if (extra.user && deps.limiter && !deps.limiter.allow(extra.user)) {
    deps.log?.warn({ event: 'rate_limited', surface: extra.surface }, 'rate limited');
    return { answer: SLOW_DOWN, ...renderBlocks(deps.pipeline.corpus, SLOW_DOWN) };
  }
  const answer = await deps.answer(question, { threadId: thread, store: deps.store, pipeline: deps.pipeline });
  const rendered = renderBlocks(deps.pipeline.corpus, answer, {
    buttonValue: (reply) => encodeButton({ reply, thread }),
    // The question rides along escaped, so nothing the user typed is ever live mrkdwn.
    ...(extra.shareable ? { shareValue: encodeButton({ reply: escapeMrkdwn(question), thread }) } : {}),
  });
  if (deps.log) {
    logAnswer(
      deps.log,
      {
        requestId: randomUUID(),
        surface: extra.surface ?? 'slack',
        intent: answer.intent,
        determinations: answer.findings.map((f) => `${f.payer}:${f.determination}`),
        ms: Math.round(performance.now() - started),
        question,
      },
      { logQuestionText: deps.logQuestionText ?? false },
    );
  }
  return { answer, ...rendered };
}

/** Answers what a button carries (its reply, in its thread); undefined for a value that is not ours. */
export async function answerButton(
  deps: SlackDeps,
  value: string | undefined,
  extra: { shareable?: boolean; user?: string; surface?: string },
): Promise<Awaited<ReturnType<typeof answerForSlack>> | undefined> {
  const decoded = decodeButton(value);
  return decoded ? answerForSlack(deps, decoded.reply, decoded.thread, extra) : undefined;
}
