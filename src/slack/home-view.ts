import type { HomeView } from '@slack/types';
import { exampleQuestions } from '../answer/canned.js';
import type { Corpus } from '../policy/corpus.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';

/** The App Home tab: the loaded policies and example questions, all from the corpus. */
export function homeView(corpus: Corpus): HomeView {
  const examples = exampleQuestions(corpus).map((e) => `• \`/igrt ${escapeMrkdwn(e)}\``);
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
      { type: 'section', text: { type: 'mrkdwn', text: `*Try*\n${examples.join('\n')}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Policies loaded*\n${policies.join('\n')}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Policy guidance, not a coverage guarantee.' }] },
    ],
  };
}
