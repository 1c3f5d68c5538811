import { randomUUID } from 'node:crypto';
import type { Answer } from '../contract/answer.js';
import { logAnswer } from '../log/logger.js';
import { type ReplyFile, renderBlocks } from '../render/blocks.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { SlackDeps } from './deps.js';
import { COMMAND_CONVERSATION_MS, encodeButton, isCommandThread } from './threads.js';

/** What is sent to Slack for one answer: Block Kit and its plain-text fallback. */
export interface SlackReply {
  readonly blocks: ReturnType<typeof renderBlocks>['blocks'];
  readonly text: string;
  /** What a message cannot hold (a long claim table), sent beside it as a file. */
  readonly file?: ReplyFile;
}

function notice(text: string): Answer {
  return { intent: 'help', findings: [], text, facts: {} };
}

const SLOW_DOWN = notice('You’re sending questions faster than I can answer them well — give me a few seconds and ask again.');
const BUSY = notice('I’m answering a lot of questions right now — please ask again in a moment.');

// Rendered once per corpus: under overload these are sent thousands of times a second.
const rendered = new WeakMap<object, Map<Answer, SlackReply>>();

function renderedOnce(deps: SlackDeps, notice: Answer): SlackReply {
  const corpus = deps.pipeline.corpus;
  const byNotice = rendered.get(corpus) ?? new Map<Answer, SlackReply>();
  rendered.set(corpus, byNotice);
  let reply = byNotice.get(notice);
  if (!reply) {
    reply = renderBlocks(corpus, notice);
    byNotice.set(notice, reply);
  }
  return reply;
}

/** The reply to a user over their rate limit. */
export function slowDownReply(deps: SlackDeps): SlackReply {
  return renderedOnce(deps, SLOW_DOWN);
}

/** The reply when the answer queue is full. */
export function busyReply(deps: SlackDeps): SlackReply {
  return renderedOnce(deps, BUSY);
}

/** Answers a question in a thread and renders it for Slack; logs what was decided, never the text. */
export async function answerForSlack(
  deps: SlackDeps,
  question: string,
  thread: string,
  extra: { shareable?: boolean; surface?: string; user?: string } = {},
): Promise<SlackReply> {
  const started = performance.now();
  const timeZone = deps.timeZones ? await deps.timeZones.zoneOf(extra.user) : undefined;
  const answer = await deps.answer(question, {
    threadId: thread,
    store: deps.store,
    pipeline: deps.pipeline,
    now: deps.now?.() ?? new Date(),
    ...(timeZone ? { timeZone } : {}),
    ...(isCommandThread(thread) ? { maxIdleMs: COMMAND_CONVERSATION_MS } : {}),
  });
  const rendered = renderBlocks(deps.pipeline.corpus, answer, {
    buttonValue: (reply) => encodeButton({ reply, thread }),
    // The question rides along escaped, so nothing the user typed is ever live mrkdwn.
    ...(extra.shareable ? { shareValue: encodeButton({ reply: escapeMrkdwn(question), thread }) } : {}),
  });
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
  return rendered;
}
