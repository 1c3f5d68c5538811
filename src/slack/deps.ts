import type { Logger } from '@slack/bolt';
import type { Logger as StructuredLogger } from 'pino';
import type { answer } from '../answer/answer.js';
import type { Pipeline } from '../answer/pipeline.js';
import type { EventDeduper } from '../context/dedupe.js';
import type { ContextStore } from '../context/store.js';
import type { RateLimiter } from './rate-limit.js';
import type { WorkQueue } from './work-queue.js';

/** What the Slack listeners need, injected so tests can build the app directly. */
export interface SlackDeps {
  readonly answer: typeof answer;
  readonly pipeline: Pipeline;
  readonly store: ContextStore;
  readonly dedupe: EventDeduper;
  /** Bolt's own logger (transport messages). */
  readonly logger?: Logger;
  /** Structured answer log: intents and determinations, never raw text unless enabled (then redacted). */
  readonly log?: StructuredLogger;
  readonly logQuestionText?: boolean;
  readonly limiter?: RateLimiter;
  /** Where slash-command answers are composed after the ack. */
  readonly work: WorkQueue;
}
