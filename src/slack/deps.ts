import type { Logger } from 'pino';
import type { answer } from '../answer/answer.js';
import type { Pipeline } from '../answer/pipeline.js';
import type { EventDeduper } from '../context/dedupe.js';
import type { FeedbackStore } from '../context/feedback-store.js';
import type { ContextStore } from '../context/store.js';
import type { Delivery } from './delivery.js';
import type { NoticeGate, OutcomeCounts } from './outcomes.js';
import type { RateLimiter } from './rate-limit.js';
import type { ShedLog } from './shed-log.js';
import type { UserTimeZones } from './user-time-zones.js';
import type { WorkQueue } from './work-queue.js';

/** What the Slack listeners need, injected so tests can build the app directly. */
export interface SlackDeps {
  readonly answer: typeof answer;
  readonly pipeline: Pipeline;
  readonly store: ContextStore;
  readonly dedupe: EventDeduper;
  /** The structured log (Bolt writes through it too): intents and determinations, never raw text unless enabled (then redacted). */
  readonly log: Logger;
  readonly logQuestionText?: boolean;
  readonly limiter?: RateLimiter;
  /** Where every answer is composed: after the ack, or within a slash command's ack (see answerInAck). */
  readonly work: WorkQueue;
  /**
   * How long a slash command's acknowledgement may wait for its answer to ride in it (ms, well
   * under Slack's 3 s); past it the answer goes through the response URL. 0: never waits.
   */
  readonly commandAckBudgetMs: number;
  /** Whether the event loop has no idle time left: while so, a command is acknowledged bare (see LoopLoad). */
  readonly loopLoad?: { saturated(): boolean };
  /** Counts refused questions into the log. */
  readonly shed: ShedLog;
  /** Each asker's time zone, for what "today" means to them; UTC when absent. */
  readonly timeZones?: UserTimeZones;
  /** The clock (tests inject it). */
  readonly now?: () => Date;
  /** Where 👍/👎 on answers is kept (scrubbed, bounded); without it feedback is thanked and not kept. */
  readonly feedback?: FeedbackStore;
  /** Where replies leave for Slack, bounded per destination and in all. */
  readonly delivery: Delivery;
  /** What became of accepted questions (delivered, failed, told, degraded). */
  readonly outcomes: OutcomeCounts;
  /** At most one refusal notice, and one failure notice, per user per window. */
  readonly notices: NoticeGate;
  readonly failureNotices: NoticeGate;
}
