import { randomUUID } from 'node:crypto';
import type { ContextStore } from '../context/store.js';
import type { Answer } from '../contract/answer.js';
import { logAnswer } from '../log/logger.js';
import { NEW_CASE_REPLY, type ReplyFile, renderBlocks } from '../render/blocks.js';
import { followUpValue, newRecordId, saveRecord } from './answer-record.js';
import type { SlackDeps } from './deps.js';
import { COMMAND_CONVERSATION_MS, isCommandThread } from './threads.js';

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

const EXPIRED = notice('That answer has expired — I keep answers for a day. Please ask the question again.');
const FAILED = notice('Sorry — something went wrong while answering that. Please try again in a moment.');
const UNDELIVERED = notice(
  'Sorry — I could not deliver my answer to your question (Slack did not take it). Please ask again in a moment.',
);
// Said under an answer given while the shared thread memory (Redis) was unreachable.
const WITHOUT_CONTEXT =
  '⚠️ My thread memory is unreachable right now, so this answer reads only this message: repeat any earlier details it needs.';

/** The reply to a click on an answer that is no longer kept. */
export function expiredReply(deps: SlackDeps): SlackReply {
  return renderedOnce(deps, EXPIRED);
}

/** The reply when answering (or sharing) failed: the user hears it, not only the log. */
export function failedReply(deps: SlackDeps): SlackReply {
  return renderedOnce(deps, FAILED);
}

/** The notice when an answer was composed but Slack would not take it. */
export function undeliveredReply(deps: SlackDeps): SlackReply {
  return renderedOnce(deps, UNDELIVERED);
}

const FILE_FAILED = notice(
  'Sorry — I could not attach the full claim table (claim-check.txt) that my answer mentions. Please ask again in a moment for the lines not shown.',
);

/** The notice when the file a message promised (the rest of a claim table) could not be uploaded. */
export function fileFailedReply(deps: SlackDeps): SlackReply {
  return renderedOnce(deps, FILE_FAILED);
}

/** The reply when the answer queue is full. */
export function busyReply(deps: SlackDeps): SlackReply {
  return renderedOnce(deps, BUSY);
}

/** Who asked and where, for the stored answer behind the buttons. */
export interface ReplyOptions {
  readonly shareable?: boolean;
  readonly surface?: string;
  /** The asker: their button clicks act in the thread; anyone else's are answered privately. */
  readonly user?: string;
}

/**
 * Answers a question in a thread and renders it for Slack; logs what was decided, never the
 * text. The rendered answer is kept (the context store's key-value side, a day) under a short
 * id that every button carries, so Share posts exactly what was seen and a click knows its
 * asker. A store that fails to keep it costs the buttons, never the answer.
 */
export async function answerForSlack(
  deps: SlackDeps,
  question: string,
  thread: string,
  extra: ReplyOptions = {},
): Promise<SlackReply> {
  const started = performance.now();
  // A store that could not reach its shared backend answers from memory and says so here.
  let degraded = false;
  const mark = () => {
    degraded = true;
  };
  const store: ContextStore = {
    get: (key) => deps.store.get(key, mark),
    set: (key, state) => deps.store.set(key, state, mark),
    getValue: (key) => deps.store.getValue(key),
    putValue: (key, value, ttlMs) => deps.store.putValue(key, value, ttlMs),
  };
  const timeZone = deps.timeZones ? await deps.timeZones.zoneOf(extra.user) : undefined;
  const answer = await deps.answer(question, {
    threadId: thread,
    store,
    pipeline: deps.pipeline,
    now: deps.now?.() ?? new Date(),
    ...(timeZone ? { timeZone } : {}),
    ...(isCommandThread(thread) ? { maxIdleMs: COMMAND_CONVERSATION_MS } : {}),
  });
  const id = newRecordId();
  // "New case" is one more option of the answer's record, so its click is owned and attributed like any follow-up.
  const options = [
    ...(answer.followUp?.options ?? []),
    ...(answer.carried?.length ? [{ label: 'New case', reply: NEW_CASE_REPLY }] : []),
  ];
  const rendered = renderBlocks(deps.pipeline.corpus, answer, {
    buttonValue: (reply) =>
      followUpValue(
        id,
        options.findIndex((o) => o.reply === reply),
      ),
    ...(extra.shareable ? { shareValue: id } : {}),
    feedbackValue: id,
  });
  try {
    await saveRecord(deps.store, {
      id,
      question,
      thread,
      ...(extra.user ? { owner: extra.user } : {}),
      blocks: rendered.blocks as unknown as Record<string, unknown>[],
      text: rendered.text,
      options: options.map(({ label, reply }) => ({ label, reply })),
      state: await deps.store.get(thread),
      intent: answer.intent,
      determinations: Object.fromEntries(answer.findings.map((f) => [f.payer, f.determination])),
    });
  } catch (error) {
    deps.log.warn({ event: 'record_not_kept', error: error instanceof Error ? error.message : String(error) }, 'answer not kept');
  }
  if (degraded) deps.outcomes.degraded++;
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
  if (!degraded) return rendered;
  return {
    ...rendered,
    blocks: [...rendered.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: WITHOUT_CONTEXT }] }],
    text: `${rendered.text}\n${WITHOUT_CONTEXT}`,
  };
}
