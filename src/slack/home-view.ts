import type { HomeView, KnownBlock } from '@slack/types';
import { exampleQuestions } from '../answer/canned.js';
import type { Corpus } from '../policy/corpus.js';
import { ACTIONS, LIMITS } from '../render/blocks.js';
import { clip, escapeMrkdwn } from '../render/mrkdwn.js';

/**
 * The App Home tab: the loaded policies and example questions, all from the corpus. Each example
 * has an **Ask** button that asks it for real: the answer comes to the user's DM with the bot.
 * A notice (something that went wrong with the last click) is shown above the examples.
 */
export function homeView(corpus: Corpus, notice?: string): HomeView {
  const examples: KnownBlock[] = exampleQuestions(corpus).map((question) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `• ${escapeMrkdwn(question)}` },
    accessory: {
      type: 'button',
      action_id: ACTIONS.homeExample,
      text: { type: 'plain_text', text: 'Ask' },
      value: clip(question, LIMITS.value),
    },
  }));
  const policies = [...corpus.policies.values()].map(({ doc }) => {
    const number = doc.policyNumber ? ` — Medical Policy ${doc.policyNumber}` : '';
    const effective = doc.dates.effective ? `effective ${doc.dates.effective}` : 'no effective date stated';
    return `• *${escapeMrkdwn(doc.payer)}* “${escapeMrkdwn(doc.title)}”${number}, ${effective}`;
  });
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'IGRT policy assistant' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'I tell you whether image-guided radiation therapy (IGRT) is medically necessary or separately billable for a case under a payer’s policy, with the rule that decided it and the policy text that grounds it. When a fact matters and you did not give it, I ask.',
        },
      },
      ...(notice ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `⚠️ ${escapeMrkdwn(notice)}` }] } as KnownBlock] : []),
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Try* — *Ask* sends the question for you and the answer comes to our DM (or type it after `/igrt` anywhere):',
        },
      },
      ...examples,
      { type: 'section', text: { type: 'mrkdwn', text: `*Policies loaded*\n${policies.join('\n')}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Policy guidance, not a coverage guarantee.' }] },
    ],
  };
}
