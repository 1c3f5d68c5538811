import type { Answer } from '../answer/schema.js';
import { renderBlocks } from '../render/blocks.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { SlackDeps } from './deps.js';
import { encodeButton } from './threads.js';

/** Answers a question in a thread and renders it for Slack; logs what was decided, never the text. */
export async function answerForSlack(
  deps: SlackDeps,
  question: string,
  thread: string,
  extra: { shareable?: boolean } = {},
): Promise<{ answer: Answer; blocks: ReturnType<typeof renderBlocks>['blocks']; text: string }> {
  const started = performance.now();
  const answer = await deps.answer(question, { threadId: thread, store: deps.store, pipeline: deps.pipeline });
  const rendered = renderBlocks(deps.pipeline.corpus, answer, {
    buttonValue: (reply) => encodeButton({ reply, thread }),
    // The question rides along escaped, so nothing the user typed is ever live mrkdwn.
    ...(extra.shareable ? { shareValue: encodeButton({ reply: escapeMrkdwn(question), thread }) } : {}),
  });
  deps.logger?.info(
    JSON.stringify({
      event: 'answered',
      intent: answer.intent,
      determinations: answer.findings.map((f) => `${f.payer}:${f.determination}`),
      ms: Math.round(performance.now() - started),
    }),
  );
  return { answer, ...rendered };
}
