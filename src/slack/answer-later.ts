import type { ReplyFile } from '../render/blocks.js';
import type { SlackDeps } from './deps.js';
import { answerForSlack, busyReply, type SlackReply, slowDownReply } from './reply.js';
import { decodeButton } from './threads.js';

/** A question a listener has acknowledged, and how its reply reaches Slack. */
export interface AcceptedQuestion {
  readonly question: string;
  readonly thread: string;
  readonly surface: string;
  readonly user?: string;
  readonly shareable?: boolean;
  readonly deliver: (reply: SlackReply) => Promise<unknown>;
  /** Sends what a message cannot hold as a file where the asker will see it (files.uploadV2). */
  readonly upload?: (file: ReplyFile) => Promise<unknown>;
}

/**
 * The reply instead of an answer when a question cannot be taken: the user is over their
 * rate limit, or the answer queue is full. Undefined when it can be queued. Counts against
 * the user's rate limit, so call it once per question.
 */
export function refusal(deps: SlackDeps, user: string | undefined, surface: string): SlackReply | undefined {
  if (user && deps.limiter && !deps.limiter.allow(user)) {
    deps.shed.refused('rate_limited', surface);
    return slowDownReply(deps);
  }
  if (deps.work.full) {
    deps.shed.refused('busy', surface);
    return busyReply(deps);
  }
  return undefined;
}

/**
 * Queues the answer to a question that has passed `refusal` and returns at once, so the
 * listener (and Bolt's response to Slack) never waits for answering, rendering, posting or
 * logging. Should the queue fill in between, the user is told it is busy.
 */
export function queueAnswer(deps: SlackDeps, accepted: AcceptedQuestion): void {
  const { question, thread, surface, shareable, deliver, user } = accepted;
  const queued = deps.work.offer(async () => {
    const { file, ...reply } = await answerForSlack(deps, question, thread, {
      surface,
      ...(shareable ? { shareable } : {}),
      ...(user ? { user } : {}),
    });
    await deliver(reply);
    if (file && accepted.upload) await accepted.upload(file);
  });
  if (!queued) deliver(busyReply(deps)).catch((error: unknown) => failed(deps, surface, error));
}

/** `refusal`, then `queueAnswer`: for listeners whose acknowledgement cannot carry a reply (events, buttons). */
export function answerLater(deps: SlackDeps, accepted: AcceptedQuestion): void {
  const refused = refusal(deps, accepted.user, accepted.surface);
  if (refused) accepted.deliver(refused).catch((error: unknown) => failed(deps, accepted.surface, error));
  else queueAnswer(deps, accepted);
}

/** Answers what a button carries (its reply, in its thread) like any question; a value that is not ours is ignored. */
export function answerButtonLater(
  deps: SlackDeps,
  value: string | undefined,
  rest: Omit<AcceptedQuestion, 'question' | 'thread'>,
): void {
  const button = decodeButton(value);
  if (button) answerLater(deps, { question: button.reply, thread: button.thread, ...rest });
}

function failed(deps: SlackDeps, surface: string, error: unknown): void {
  deps.log.error(
    { event: 'reply_failed', surface, error: error instanceof Error ? error.message : String(error) },
    'reply failed',
  );
}
