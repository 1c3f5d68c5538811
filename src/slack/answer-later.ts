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
}

/**
 * Hands an acknowledged question to the work queue and returns at once, so the listener (and
 * Bolt's response to Slack) never waits for answering, rendering, posting or logging. A user
 * over their rate limit, or a full queue, gets a short polite reply instead of a queued answer.
 */
export function answerLater(deps: SlackDeps, accepted: AcceptedQuestion): void {
  const { question, thread, surface, user, shareable, deliver } = accepted;
  const failed = (error: unknown) =>
    deps.log.error(
      { event: 'reply_failed', surface, error: error instanceof Error ? error.message : String(error) },
      'reply failed',
    );
  if (user && deps.limiter && !deps.limiter.allow(user)) {
    deps.log.warn({ event: 'rate_limited', surface }, 'rate limited');
    deliver(slowDownReply(deps)).catch(failed);
    return;
  }
  const queued = deps.work.offer(async () => {
    await deliver(await answerForSlack(deps, question, thread, { surface, ...(shareable ? { shareable } : {}) }));
  });
  if (!queued) {
    deps.log.warn({ event: 'busy', surface, queued: deps.work.size }, 'answer queue full');
    deliver(busyReply(deps)).catch(failed);
  }
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
