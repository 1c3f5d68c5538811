import type { Answer, Intent } from '../contract/answer.js';
import type { Corpus } from '../policy/corpus.js';
import type { Pipeline } from './pipeline.js';

/** Questions that name no payer, shown after each loaded policy's own examples. */
const GENERAL_EXAMPLES = ['What replaced 76950?'];

/** Example questions for help and the Home tab: each policy's own, a comparison of all of them, and general ones. */
export function exampleQuestions(corpus: Corpus): string[] {
  const docs = [...corpus.policies.values()].map((p) => p.doc);
  const compare = docs.length > 1 ? [`Compare ${listed(docs.map((d) => d.reply))} on IGRT with proton therapy`] : [];
  return [...docs.flatMap((d) => d.examples), ...compare, ...GENERAL_EXAMPLES];
}

/** The loaded policies as a person names them: "Acme Health Plan (Medical Policy RT-7) and Beta Care". */
export function policyNames(corpus: Corpus): string {
  return listed(
    [...corpus.policies.values()].map(
      ({ doc }) => `${doc.payer}${doc.policyNumber ? ` (Medical Policy ${doc.policyNumber})` : ''}`,
    ),
  );
}

/** The help answer: what the bot does and how to ask. */
export function helpAnswer(pipeline: Pipeline, prefix = ''): Answer {
  const text = [
    prefix,
    `I answer IGRT (image-guided radiation therapy) policy questions for ${policyNames(pipeline.corpus)}: is IGRT medically necessary for a case, is it billed separately or bundled, what a code means or replaced, and how the payers differ.`,
    'Give me the payer, the treatment (IMRT, 3DCRT, proton, SBRT/SRS, brachytherapy, electrons …) and the diagnosis or site, plus anything that matters (curative/palliative, position, boost, setting). For example:',
    ...exampleQuestions(pipeline.corpus).map((e) => `  • ${e}`),
    'Answers are policy guidance, not a coverage guarantee.',
  ]
    .filter(Boolean)
    .join('\n');
  return { intent: 'help', findings: [], text, facts: {} };
}

/** The polite reply to anything outside IGRT policy. */
export function outOfScopeAnswer(pipeline: Pipeline): Answer {
  return {
    intent: 'out_of_scope',
    findings: [],
    text: `Sorry — I only answer questions about IGRT (image-guided radiation therapy) policy for ${policyNames(pipeline.corpus)}: medical necessity, billing and bundling, codes, and the policies themselves. Type “help” for examples.`,
    facts: {},
  };
}

/** The reply when the question names only payers whose policies are not loaded: no borrowed answers. */
export function unknownPayerAnswer(pipeline: Pipeline, intent: Intent, named: readonly string[]): Answer {
  const known = listed([...pipeline.corpus.policies.values()].map((p) => p.doc.payer));
  return {
    intent: intent === 'out_of_scope' ? 'coverage' : intent,
    findings: [],
    text: [
      `I don’t have ${named.map((n) => (n.toUpperCase() === n ? n : n.replace(/\b\w/g, (c) => c.toUpperCase()))).join(' or ')}’s IGRT policy, so I can’t say what it decides. I answer from the ${known} policies only — name one of them to see its rule.`,
      // Relations are data (intents/lexicon.yaml payerRelations), said as the policy's own scope allows.
      ...new Set(named.flatMap((n) => pipeline.lexicon.payerRelations.get(n) ?? [])),
    ].join('\n'),
    facts: {},
  };
}

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The reply to "new case" (or `/igrt new`): the conversation's facts are cleared. */
export function newCaseAnswer(pipeline: Pipeline): Answer {
  return {
    intent: 'help',
    findings: [],
    text: `New case: nothing from earlier questions carries over now. Ask about the next case — the payer, the treatment and the diagnosis or site (for example: ${exampleQuestions(pipeline.corpus)[0] ?? 'IMRT for prostate cancer'}).`,
    facts: {},
  };
}
