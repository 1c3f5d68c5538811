import type { Turn } from '../context/merge.js';
import type { UnsureFact } from '../nlu/resolve-facts.js';
import type { FactValue } from '../policy/facts.js';
import type { Pipeline } from './pipeline.js';

/** A one-line summary of what the bot understood, so the asker can spot a misreading. */
export function describeFacts(pipeline: Pipeline, turn: Turn): string {
  const parts: string[] = [];
  for (const payer of turn.payers) parts.push(pipeline.corpus.policies.get(payer)?.doc.payer ?? payer);
  for (const [fact, value] of Object.entries(turn.facts)) parts.push(...describeValue(pipeline, fact, value));
  for (const [fact, values] of Object.entries(turn.excluded)) {
    for (const value of values) parts.push(`not ${describeValue(pipeline, fact, value).join('')}`);
  }
  for (const [fact, value] of Object.entries(turn.whatIf))
    parts.push(`what if: ${describeValue(pipeline, fact, value).join('')}`);
  for (const reading of turn.unsure) parts.push(`${describeValue(pipeline, reading.fact, reading.value).join('')} (unconfirmed)`);
  return parts.join(' · ');
}

/** How one fact reads to a person: an enum value's label, "label: yes/no", or the codes. */
function describeValue(pipeline: Pipeline, fact: string, value: FactValue): string[] {
  const def = pipeline.corpus.facts[fact];
  if (!def || value === undefined) return [];
  if (def.kind === 'enum') return [def.values[String(value)]?.label ?? String(value)];
  if (def.kind === 'boolean') return [`${def.label}: ${value ? 'yes' : 'no'}`];
  return Array.isArray(value) ? [`codes ${value.join(', ')}`] : [];
}

const DOUBTS = {
  scope: 'the negation in your wording may or may not reach it',
  hedge: 'it was stated with a hedge',
  proximity: 'a mention alone does not say the target is close to it',
  ambiguous: 'those words can be read more than one way',
} as const;

/** Why a reading was not taken as stated, and what was read, so the asker can correct it. */
export function describeDoubt(pipeline: Pipeline, reading: UnsureFact): string {
  const read = describeValue(pipeline, reading.fact, reading.value).join('');
  const why =
    reading.doubt.kind === 'typo'
      ? `I read “${reading.doubt.typed}” as “${reading.doubt.read}”${reading.doubt.other ? `, and it could also be “${reading.doubt.other}”` : ', which may be another word'}`
      : DOUBTS[reading.doubt.kind];
  return `I read “${read}”, but ${why}. ${pipeline.corpus.facts[reading.fact]?.ask ?? ''}`.trim();
}
