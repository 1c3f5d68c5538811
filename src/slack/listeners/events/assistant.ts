import { Assistant, type AssistantConfig } from '@slack/bolt';
import { exampleQuestions, policyNames } from '../../../answer/canned.js';
import { clip } from '../../../render/mrkdwn.js';
import { failed } from '../../answer-later.js';
import type { SlackDeps } from '../../deps.js';
import { message } from './message.js';

// Slack shows at most four suggested prompts; a title longer than a line is cut in the UI.
const PROMPTS = 4;
const PROMPT_TITLE = 75;

/**
 * Slack's assistant container (the split view beside any channel, and the app's DM when
 * "Agents & AI Apps" is on): a new thread is greeted and offered example questions as suggested
 * prompts; a message in it shows "is checking the policy…" while it is answered like any DM
 * thread reply (same pipeline, same context key, same delivery). The channel the user is looking
 * at is not read, so no thread context is kept: `threadContextChanged` does nothing.
 */
export function assistant(deps: SlackDeps): Assistant {
  return new Assistant({
    threadStarted: threadStarted(deps),
    threadContextChanged: async () => {},
    userMessage: userMessage(deps),
  });
}

function threadStarted(deps: SlackDeps): AssistantConfig['threadStarted'] {
  return async ({ event, client, setSuggestedPrompts }) => {
    const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
    const corpus = deps.pipeline.corpus;
    const greeting = `Hi — I answer IGRT policy questions for ${policyNames(corpus)}: medical necessity, billing and bundling, codes. Tell me the payer, the treatment and the diagnosis or site, or pick an example.`;
    const prompts = exampleQuestions(corpus)
      .slice(0, PROMPTS)
      .map((q) => ({ title: clip(q, PROMPT_TITLE), message: q }));
    // The greeting and the prompts are each worth having without the other.
    await Promise.all([
      deps.delivery
        .send(channel, () => client.chat.postMessage({ channel, thread_ts: threadTs, text: greeting }))
        .catch((error: unknown) => failed(deps, 'assistant', error)),
      setSuggestedPrompts({ title: 'Try one of these:', prompts }).catch((error: unknown) => failed(deps, 'assistant', error)),
    ]);
  };
}

function userMessage(deps: SlackDeps): AssistantConfig['userMessage'] {
  return async (args) => {
    const { setStatus } = args;
    // The status clears itself when the answer (or a failure notice) is posted in the thread. A DM
    // thread outside the container (the feature off, a free plan) refuses it: nothing is lost.
    await message(deps, () => {
      setStatus('is checking the policy…').catch((error: unknown) =>
        deps.log.debug(
          { event: 'status_not_set', error: error instanceof Error ? error.message : String(error) },
          'status not set',
        ),
      );
    })(args);
  };
}
