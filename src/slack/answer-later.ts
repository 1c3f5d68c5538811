import type { SlackDeps } from './deps.js';
import {
  answerForSlack,
  busyReply,
  failedReply,
  fileFailedReply,
  type SlackReply,
  slowDownReply,
  undeliveredReply,
} from './reply.js';
import type { Upload } from './uploads.js';

/** A question a listener has acknowledged, and how its reply reaches Slack. */
export interface AcceptedQuestion {
  readonly question: string;
  readonly thread: string;
  readonly surface: string;
  readonly user?: string;
  readonly shareable?: boolean;
  readonly deliver: (reply: SlackReply) => Promise<unknown>;
  /**
   * Sends what a message cannot hold as a file where the asker will see it (files.uploadV2).
   * Every surface has one: the message says the file follows, so it must.
   */
  readonly upload: Upload;
  /**
   * Where a refusal or a failure goes when it must not land where the answer would (a button's
   * message), or when the answer's way failed (posting in the channel): privately.
   */
  readonly tell?: (reply: SlackReply) => Promise<unknown>;
  /** How to tell the asker their answer could not be posted, when the answer's own way failed (an ephemeral message). */
  readonly tellUndelivered?: (reply: SlackReply) => Promise<unknown>;
  /** Where the reply goes, for the per-destination limit; by default the thread's channel. */
  readonly destination?: string;
}

/** The channel of a context key ("thread:C1:123.4", "command:T1:C1:U1"), the unit one hang holds up. */
export function destinationOf(thread: string): string {
  const parts = thread.split(':');
  return (parts[0] === 'command' ? parts[2] : parts[1]) ?? thread;
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
  if (deps.work.full || deps.delivery.saturated) {
    deps.shed.refused('busy', surface);
    return busyReply(deps);
  }
  return undefined;
}

/**
 * Queues the answer to a question that has passed `refusal` and returns at once, so the
 * listener (and Bolt's response to Slack) never waits for answering, rendering, posting or
 * logging. The worker hands the reply to delivery (see `deliver`); a reply that cannot be
 * delivered is counted and, where Slack allows, the user is told. Should the queue fill in
 * between, the user is told it is busy.
 */
export function queueAnswer(deps: SlackDeps, accepted: AcceptedQuestion): void {
  if (!deps.work.offer(() => answerAndDeliver(deps, accepted))) sendNotice(deps, accepted, busyReply(deps));
}

/**
 * For a listener whose acknowledgement can carry the reply (a slash command, within Slack's
 * 3 s): answers a question that has passed `refusal` at once, and when the reply is ready
 * within `budgetMs` it rides in the acknowledgement (`ack(reply)`) — one request instead of an
 * ack and a response-URL post. Past the budget the question is acknowledged bare and the same
 * answer, computed once, is delivered as `queueAnswer` delivers it. Resolves (or rejects) with
 * the acknowledgement.
 *
 * It answers at once only when the work queue would start the job at once anyway — a slot free
 * and nothing waiting — and the job takes that slot: inline answers count against the same
 * bound as queued ones, and under a backlog a command waits its turn behind the questions
 * acknowledged before it instead of overtaking them. Nor while the event loop is saturated
 * (`deps.loopLoad`): then commands wait unseen in the sockets, and the cheaper bare ack keeps
 * their acknowledgements within Slack's 3 s. Otherwise it is today's bare ack and queue.
 * What answering waits on (a time-zone lookup, the store) lets the budget's timer fire on time;
 * only its own CPU, well under a millisecond, runs before an acknowledgement.
 */
export function answerInAck(
  deps: SlackDeps,
  accepted: AcceptedQuestion,
  ack: (reply?: SlackReply) => Promise<void>,
  budgetMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let sent: Promise<void> | undefined;
  let settle: (ack: Promise<void>) => void = () => {};
  const acked = new Promise<void>((resolve) => {
    settle = resolve;
  });
  // Once, whichever comes first: the reply when it is ready, or a bare ack at the budget.
  const ackOnce = (reply?: SlackReply): Promise<void> | undefined => {
    if (sent) return undefined;
    clearTimeout(timer);
    sent = ack(reply);
    settle(sent);
    return sent;
  };
  if (budgetMs > 0 && !deps.loopLoad?.saturated() && deps.work.runNow(() => answerAndDeliver(deps, accepted, ackOnce))) {
    // Answering awaits at least once before its reply is ready, so the timer is set first.
    timer = setTimeout(() => ackOnce(), budgetMs);
  } else {
    ackOnce();
    queueAnswer(deps, accepted);
  }
  return acked;
}

/** `refusal`, then `queueAnswer`: for listeners whose acknowledgement cannot carry a reply (events, buttons). */
export function answerLater(deps: SlackDeps, accepted: AcceptedQuestion): void {
  const refused = refusal(deps, accepted.user, accepted.surface);
  if (refused) sendNotice(deps, accepted, refused);
  else queueAnswer(deps, accepted);
}

/**
 * Answers a question and sends the reply: in the acknowledgement when `inAck` still can take it
 * (it returns undefined once the listener has acknowledged), else through delivery; then the
 * file the reply promises. A failed answer is told to the asker, not only logged.
 */
async function answerAndDeliver(
  deps: SlackDeps,
  accepted: AcceptedQuestion,
  inAck?: (reply: SlackReply) => Promise<void> | undefined,
): Promise<void> {
  const { question, thread, surface, shareable, user } = accepted;
  let reply: SlackReply;
  try {
    reply = await answerForSlack(deps, question, thread, {
      surface,
      ...(shareable ? { shareable } : {}),
      ...(user ? { user } : {}),
    });
  } catch (error) {
    failed(deps, surface, error, 'answer_failed');
    const notice = failedReply(deps);
    // In the acknowledgement the notice is the command's own reply, not one more message, so the
    // one-per-window gate that keeps notices from piling up has nothing to hold back.
    if (await rodeInAck(inAck, notice)) {
      deps.outcomes.failed++;
      deps.outcomes.told++;
    } else lost(deps, accepted, notice, false);
    return;
  }
  const { file, ...message } = reply;
  if (await rodeInAck(inAck, message)) deps.outcomes.delivered++;
  else await deliver(deps, accepted, message);
  if (!file) return;
  // The message promised the file: a failed upload is told, never only logged.
  await accepted.upload(file).catch((error: unknown) => {
    failed(deps, surface, error, 'upload_failed');
    tellFailure(deps, accepted, fileFailedReply(deps), true);
  });
}

/** Whether a reply went out in the acknowledgement: it was not yet sent, and sending it did not fail. */
async function rodeInAck(inAck: ((reply: SlackReply) => Promise<void> | undefined) | undefined, reply: SlackReply) {
  const sent = inAck?.(reply);
  return sent
    ? sent.then(
        () => true,
        () => false,
      )
    : false;
}

/** Logs a failed answer or reply: its surface and error, never the question. */
export function failed(deps: SlackDeps, surface: string, error: unknown, event = 'reply_failed'): void {
  deps.log.error(
    { event, surface, error: error instanceof Error ? error.message : String(error) },
    event === 'reply_failed' ? 'reply failed' : event.replace('_', ' '),
  );
}

/**
 * Hands a reply to delivery. The worker waits for it only when its destination has room: one
 * that is backed up (hanging) holds at most its own few deliveries, and the worker moves on.
 */
function deliver(deps: SlackDeps, accepted: AcceptedQuestion, reply: SlackReply): Promise<void> {
  const destination = accepted.destination ?? destinationOf(accepted.thread);
  const room = deps.delivery.hasRoom(destination);
  const sent = deps.delivery
    .send(destination, () => accepted.deliver(reply))
    .then(
      () => {
        deps.outcomes.delivered++;
      },
      (error: unknown) => {
        failed(deps, accepted.surface, error);
        lost(deps, accepted, undeliveredReply(deps), true);
      },
    );
  return room ? sent : Promise.resolve();
}

/**
 * A refusal notice: at most one per user per window, and through bounded delivery like any
 * reply — under a flood the notices are dropped (counted), never queued without end.
 */
function sendNotice(deps: SlackDeps, accepted: AcceptedQuestion, notice: SlackReply): void {
  if (!deps.notices.allow(accepted.user ?? accepted.thread)) {
    deps.outcomes.noticesCoalesced++;
    return;
  }
  const tell = accepted.tell ?? accepted.deliver;
  deps.delivery
    .send(accepted.destination ?? destinationOf(accepted.thread), () => tell(notice))
    .then(
      () => {
        deps.outcomes.noticesSent++;
      },
      (error: unknown) => failed(deps, accepted.surface, error, 'notice_failed'),
    );
}

/**
 * An answer that will not arrive: counted, and the user told where Slack allows — privately
 * when the listener gave a way, else where the answer would have gone; at most one such notice
 * per user per window, outside the destination's lane (the lane may be what is stuck).
 */
function lost(deps: SlackDeps, accepted: AcceptedQuestion, notice: SlackReply, undelivered: boolean): void {
  deps.outcomes.failed++;
  tellFailure(deps, accepted, notice, undelivered);
}

/** Tells the asker something of theirs failed: at most once per window, outside the destination's lane. */
function tellFailure(deps: SlackDeps, accepted: AcceptedQuestion, notice: SlackReply, undelivered: boolean): void {
  if (!deps.failureNotices.allow(accepted.user ?? accepted.thread)) return;
  // When posting was what failed, another way (an ephemeral message) is tried first.
  const tell = (undelivered ? accepted.tellUndelivered : undefined) ?? accepted.tell ?? accepted.deliver;
  deps.delivery
    .urgent(() => tell(notice))
    .then(
      () => {
        deps.outcomes.told++;
      },
      (error: unknown) => failed(deps, accepted.surface, error, 'tell_failed'),
    );
}
