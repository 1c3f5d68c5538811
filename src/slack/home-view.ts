import type { HomeView } from '@slack/types';
import type { Corpus } from '../policy/corpus.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';

const EXAMPLES = [
  '/igrt horizon 3dcrt rectal prone belly board',
  '/igrt CVS palliative 3DCRT bone mets near the cord',
  '/igrt Horizon SBRT lung - can I bill 77387 on top of 77373?',
  '/igrt what replaced 76950',
  '@IGRT Policy compare CVS and Horizon on proton therapy',
];

/** The App Home tab. */
export function homeView(corpus: Corpus): HomeView {
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
      { type: 'section', text: { type: 'mrkdwn', text: `*Try*\n${EXAMPLES.map((e) => `• \`${e}\``).join('\n')}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Policies loaded*\n${policies.join('\n')}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Policy guidance, not a coverage guarantee.' }] },
    ],
  };
}
