import type { ReplyFile } from '../render/blocks.js';
import type { SlackDeps } from './deps.js';
import { answerForSlack, busyReply, failedReply, type SlackReply, slowDownReply } from './reply.js';

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
  /** Where a refusal or a failure goes when it must not land where the answer would (a button's message): privately. */
  readonly tell?: (reply: SlackReply) => Promise<unknown>;
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
  const { question, thread, surface, shareable, user, deliver } = accepted;
  const tell = accepted.tell ?? deliver;
  const queued = deps.work.offer(async () => {
    let reply: SlackReply;
    try {
      reply = await answerForSlack(deps, question, thread, {
        surface,
        ...(shareable ? { shareable } : {}),
        ...(user ? { user } : {}),
      });
    } catch (error) {
      // A failed answer is told to the asker, not only logged.
      failed(deps, surface, error, 'answer_failed');
      await tell(failedReply(deps));
      return;
    }
    const { file, ...message } = reply;
    await deliver(message);
    if (file && accepted.upload) await accepted.upload(file);
  });
  if (!queued) tell(busyReply(deps)).catch((error: unknown) => failed(deps, surface, error));
}

/** `refusal`, then `queueAnswer`: for listeners whose acknowledgement cannot carry a reply (events, buttons). */
export function answerLater(deps: SlackDeps, accepted: AcceptedQuestion): void {
  const refused = refusal(deps, accepted.user, accepted.surface);
  if (refused) (accepted.tell ?? accepted.deliver)(refused).catch((error: unknown) => failed(deps, accepted.surface, error));
  else queueAnswer(deps, accepted);
}

/** Logs a failed answer or reply: its surface and error, never the question. */
export function failed(deps: SlackDeps, surface: string, error: unknown, event = 'reply_failed'): void {
  deps.log.error(
    { event, surface, error: error instanceof Error ? error.message : String(error) },
    event === 'reply_failed' ? 'reply failed' : 'answer failed',
  );
}
