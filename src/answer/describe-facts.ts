import type { Turn } from '../context/merge.js';
import type { ThreadState } from '../context/store.js';
import type { Confirm, Conflict, Finding, Understood } from '../contract/answer.js';
import type { UnsureFact } from '../nlu/resolve-facts.js';
import type { Corpus } from '../policy/corpus.js';
import { type Facts, type FactValue, valueLabel } from '../policy/facts.js';

/**
 * What the bot understood, so the asker can spot a misreading: payers first, then the stated
 * facts, the values ruled out, the what-ifs and the unconfirmed readings, each with its label.
 */
export function describeFacts(corpus: Corpus, turn: Turn): Understood[] {
  const understood: Understood[] = turn.payers.map((payer) => ({
    fact: 'payer',
    value: payer,
    label: corpus.policies.get(payer)?.doc.payer ?? payer,
    as: 'stated',
  }));
  const add = (fact: string, value: FactValue, as: Understood['as']) => {
    const label = describeValue(corpus, fact, value);
    if (label !== undefined) understood.push({ fact, value, label, as });
  };
  for (const [fact, value] of Object.entries(turn.facts)) add(fact, value, 'stated');
  for (const [fact, values] of Object.entries(turn.excluded)) for (const value of values) add(fact, value, 'ruled_out');
  for (const [fact, value] of Object.entries(turn.whatIf)) add(fact, value, 'what_if');
  for (const reading of turn.unsure) add(reading.fact, reading.value, 'unconfirmed');
  return understood;
}

/**
 * What the turn took from the conversation rather than from its own words, as labels: the
 * payers when it named none, then each fact (and ruled-out value) the thread held and the turn
 * left unsaid, so the asker sees what an answer leans on ("From earlier: <payer>, palliative").
 */
export function describeCarried(
  corpus: Corpus,
  turn: Turn,
  own: { payers: readonly string[]; facts: Facts },
  previous: ThreadState,
): string[] {
  const carried: string[] = [];
  if (own.payers.length === 0) for (const payer of turn.payers) carried.push(corpus.policies.get(payer)?.doc.payer ?? payer);
  for (const [fact, value] of Object.entries(turn.facts)) {
    const kept = previous.facts[fact] === value || turn.restored[fact] === value;
    if (own.facts[fact] !== undefined || !kept) continue;
    const label = describeValue(corpus, fact, value);
    if (label !== undefined) carried.push(label);
  }
  for (const [fact, values] of Object.entries(turn.excluded)) {
    for (const value of values) {
      if (!previous.excluded?.[fact]?.includes(value)) continue;
      const label = describeValue(corpus, fact, value);
      if (label !== undefined) carried.push(`not ${label}`);
    }
  }
  return carried;
}

/** The facts the question gave more than one value for, labelled; moot where no finding turns on which. */
export function describeConflicts(corpus: Corpus, turn: Turn, findings: readonly Finding[] = []): Conflict[] {
  return turn.conflicts.map((c) => ({
    fact: c.fact,
    label: corpus.facts[c.fact]?.label ?? c.fact,
    values: c.values.map((v) => valueLabel(corpus.facts, c.fact, v)),
    ...(findings.length > 0 && findings.every((f) => !f.missing.includes(c.fact)) ? { moot: true } : {}),
  }));
}

/** The doubtful readings an answer turns on, each with why it was not taken as stated. */
export function describeConfirms(corpus: Corpus, turn: Turn, asked: ReadonlySet<string>): Confirm[] {
  return turn.unsure
    .filter((u) => asked.has(u.fact))
    .map((reading) => ({
      fact: reading.fact,
      label: corpus.facts[reading.fact]?.label ?? reading.fact,
      why: describeDoubt(corpus, reading),
    }));
}

/** How one fact reads to a person: an enum value's label, "label: yes/no", or the codes. */
function describeValue(corpus: Corpus, fact: string, value: FactValue): string | undefined {
  const def = corpus.facts[fact];
  if (!def || value === undefined) return undefined;
  if (def.kind === 'enum') return valueLabel(corpus.facts, fact, value);
  if (def.kind === 'boolean') return `${def.label}: ${value ? 'yes' : 'no'}`;
  if (!Array.isArray(value)) return undefined;
  return fact === 'codes' ? `codes ${value.join(', ')}` : `${def.label} ${value.join('; ')}`;
}

const DOUBTS = {
  scope: 'the negation in your wording may or may not reach it',
  hedge: 'it was stated with a hedge',
  proximity: 'a mention alone does not say the target is close to it',
  ambiguous: 'those words can be read more than one way',
  days: 'the days or frequencies given do not show whether the methods meet on one day',
  distance: 'a distance alone does not say whether it counts as close proximity',
  when: 'it does not say whether that treatment came before this course',
  treatment: 'it does not say that the earlier treatment was radiation',
} as const;

/** Why a reading was not taken as stated, and what was read, so the asker can correct it. */
function describeDoubt(corpus: Corpus, reading: UnsureFact): string {
  const read = describeValue(corpus, reading.fact, reading.value) ?? '';
  const why =
    reading.doubt.kind === 'typo'
      ? `I read “${reading.doubt.typed}” as “${reading.doubt.read}”${reading.doubt.other ? `, and it could also be “${reading.doubt.other}”` : ', which may be another word'}`
      : DOUBTS[reading.doubt.kind];
  return `I read “${read}”, but ${why}. ${corpus.facts[reading.fact]?.ask ?? ''}`.trim();
}
