import type { Logger } from '@slack/bolt';
import type { answer } from '../answer/answer.js';
import type { Pipeline } from '../answer/pipeline.js';
import type { ContextStore } from '../context/store.js';
import type { Deduper } from './dedupe.js';

/** What the Slack listeners need, injected so tests can build the app directly. */
export interface SlackDeps {
  readonly answer: typeof answer;
  readonly pipeline: Pipeline;
  readonly store: ContextStore;
  readonly dedupe: Deduper;
  readonly logger?: Logger;
}
