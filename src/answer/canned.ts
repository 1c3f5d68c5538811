import type { Answer, Intent } from '../contract/answer.js';
import type { Pipeline } from './pipeline.js';

const EXAMPLES = [
  'Horizon: 3DCRT for rectal cancer, prone on a belly board — is IGRT medically necessary?',
  'CVS: palliative 3DCRT for bone mets near the spinal cord, IGRT?',
  'Horizon SBRT lung — can I bill 77387 on top of 77373?',
  'What replaced 76950?',
  'Compare CVS and Horizon on IGRT with proton therapy',
  'What is the effective date of the Horizon IGRT policy?',
];

/** The help answer: what the bot does and how to ask. */
export function helpAnswer(prefix = ''): Answer {
  const text = [
    prefix,
    'I answer IGRT (image-guided radiation therapy) policy questions for CVS Health and Horizon BCBSNJ (Medical Policy 139): is IGRT medically necessary for a case, is it billed separately or bundled, what a code means or replaced, and how the two payers differ.',
    'Give me the payer, the treatment (IMRT, 3DCRT, proton, SBRT/SRS, brachytherapy, electrons …) and the diagnosis or site, plus anything that matters (curative/palliative, position, boost, setting). For example:',
    ...EXAMPLES.map((e) => `  • ${e}`),
    'Answers are policy guidance, not a coverage guarantee.',
  ]
    .filter(Boolean)
    .join('\n');
  return { intent: 'help', findings: [], text, facts: {} };
}

/** The polite reply to anything outside IGRT policy. */
export function outOfScopeAnswer(): Answer {
  return {
    intent: 'out_of_scope',
    findings: [],
    text: 'Sorry — I only answer questions about IGRT (image-guided radiation therapy) policy for CVS Health and Horizon BCBSNJ: medical necessity, billing and bundling, codes, and the policies themselves. Type “help” for examples.',
    facts: {},
  };
}

/** The reply when the question names only payers whose policies are not loaded: no borrowed answers. */
export function unknownPayerAnswer(pipeline: Pipeline, intent: Intent, named: readonly string[]): Answer {
  const known = [...pipeline.corpus.policies.values()].map((p) => p.doc.payer).join(' and ');
  return {
    intent: intent === 'out_of_scope' ? 'coverage' : intent,
    findings: [],
    text: `I don’t have ${named.map((n) => (n.toUpperCase() === n ? n : n.replace(/\b\w/g, (c) => c.toUpperCase()))).join(' or ')}’s IGRT policy, so I can’t say what it decides. I answer from the ${known} policies only — name one of them to see its rule.`,
    facts: {},
  };
}
