import type { Corpus } from '../policy/corpus.js';
import { ancestors, type Facts, type FactValue } from '../policy/facts.js';
import type { Doubt, Mention } from './assertion.js';

/** A fact read from wording too shaky to decide on: the answer asks to confirm it when it matters. */
export interface UnsureFact {
  readonly fact: string;
  /** What was read, so the asker can see it. */
  readonly value: FactValue;
  readonly negated: boolean;
  readonly doubt: Doubt;
}

/** The facts a question states, the payers it names, and facts it states in contradictory ways. */
export interface StatedFacts {
  readonly facts: Facts;
  readonly payers: readonly string[];
  readonly conflicts: readonly { fact: string; values: readonly FactValue[] }[];
  /** Enum values the question rules out ("not prone", "IMRT rather than 3DCRT"). */
  readonly excluded: Readonly<Record<string, readonly string[]>>;
  readonly unsure: readonly UnsureFact[];
  /** Facts stated as a what-if ("what if it were IMRT"): they hold for this answer only. */
  readonly whatIf: Facts;
}

/**
 * Turns mentions into facts. A negated yes/no flips; a negated value with a stated opposite
 * (`negated` in the lexicon) takes it; any other negated value is ruled out. Doubtful readings
 * are kept apart, what-ifs too; the most specific value wins and contradictions are reported.
 */
export function resolveFacts(mentions: readonly Mention[], corpus: Corpus, corrections: readonly number[] = []): StatedFacts {
  // After a correction ("prone — sorry, supine") only what follows it counts for the facts it restates.
  const restated = corrections.length > 0 ? correctedMentions(mentions, corrections) : undefined;
  const seen = new Map<string, FactValue[]>();
  const whatIf = new Map<string, FactValue[]>();
  const excluded: Record<string, string[]> = {};
  const doubted: UnsureFact[] = [];
  const hinted: UnsureFact[] = [];
  const yielded: [string, FactValue][] = [];
  const payers: string[] = [];
  for (const mention of mentions) {
    if (mention.other || restated?.has(mention)) continue;
    const { entry } = mention.phrase;
    const said = mention.proximate && entry.near ? entry.near : entry.set;
    const settings = mention.negated ? (entry.negated ?? flipBooleans(said)) : said;
    for (const [fact, value] of Object.entries(settings)) {
      if (fact === 'payer') {
        // A negated phrase names its payer only where the entry says so ("not in that payer's program").
        const named = !mention.negated || entry.negated?.payer !== undefined;
        if (named && !payers.includes(String(value))) payers.push(String(value));
        continue;
      }
      if (mention.doubt) doubted.push({ fact, value, negated: mention.negated, doubt: mention.doubt });
      else add(mention.hypothetical ? whatIf : seen, fact, value);
    }
    if (!mention.negated) {
      for (const [fact, value] of Object.entries(entry.hints ?? {}))
        hinted.push({ fact, value, negated: false, doubt: { kind: 'ambiguous' } });
      if (!mention.hypothetical && !mention.doubt) yielded.push(...Object.entries(entry.yields ?? {}));
    }
    // A yes/no in the entry carries its negation: "APBI? no" is not "not breast".
    const carried = Object.values(said).some((v) => typeof v === 'boolean');
    if (mention.negated && !entry.negated && !mention.doubt && !carried) {
      for (const [fact, value] of Object.entries(said)) {
        if (fact !== 'payer' && typeof value === 'string') excluded[fact] = [...(excluded[fact] ?? []), value];
      }
    }
  }
  const facts: Record<string, FactValue> = {};
  const conflicts: { fact: string; values: FactValue[] }[] = [];
  for (const [fact, values] of seen) {
    const value = settle(fact, values, corpus);
    if (value === undefined) conflicts.push({ fact, values });
    else facts[fact] = value;
  }
  const settledWhatIf: Record<string, FactValue> = {};
  for (const [fact, values] of whatIf) {
    const value = settle(fact, values, corpus);
    if (value === undefined) conflicts.push({ fact, values });
    else settledWhatIf[fact] = value;
  }
  // A value whose implication is contested is contested too: with "electrons vs photons" undecided,
  // electron beam therapy (which implies electrons) is not known to be the modality.
  for (const conflict of conflicts) {
    for (const [fact, value] of Object.entries(facts)) {
      const def = corpus.facts[fact];
      const implied = def?.kind === 'enum' ? def.values[String(value)]?.implies?.[conflict.fact] : undefined;
      if (implied !== undefined && conflict.values.includes(implied)) delete facts[fact];
    }
  }
  // A value both stated and ruled out ("prone, not prone") is a contradiction, not a fact.
  for (const [fact, values] of Object.entries(excluded)) {
    const value = facts[fact];
    if (typeof value === 'string' && values.includes(value)) {
      conflicts.push({ fact, values: [value, `not ${value}`] });
      delete facts[fact];
    }
  }
  const unsure: UnsureFact[] = [];
  for (const reading of doubted) {
    const sure = facts[reading.fact] ?? settledWhatIf[reading.fact];
    if (sure === reading.value || conflicts.some((c) => c.fact === reading.fact)) continue;
    // A word only near a term ("lives", "Toms River" by "liver") is most likely the word it
    // is: a stated value of the same fact outranks it rather than making a contradiction.
    if (sure !== undefined && reading.doubt.kind === 'typo') continue;
    if (sure !== undefined) {
      // A sure statement and a shaky one that disagree: ask rather than pick.
      conflicts.push({ fact: reading.fact, values: [sure, reading.value] });
      delete facts[reading.fact];
      delete settledWhatIf[reading.fact];
    } else if (!unsure.some((u) => u.fact === reading.fact)) unsure.push(reading);
  }
  // A yielding value or a hint counts only where nothing was said of its fact, surely or not.
  const said = (fact: string) =>
    facts[fact] !== undefined ||
    settledWhatIf[fact] !== undefined ||
    excluded[fact] !== undefined ||
    conflicts.some((c) => c.fact === fact) ||
    unsure.some((u) => u.fact === fact);
  for (const [fact, value] of yielded) if (!said(fact)) facts[fact] = value;
  for (const hint of hinted) if (!said(hint.fact)) unsure.push(hint);
  return { facts, payers, conflicts, excluded, unsure, whatIf: settledWhatIf };
}

/**
 * The mentions a later correction replaces: for each correction, every mention before it of a
 * fact that a mention after it (up to the next correction) states again.
 */
function correctedMentions(mentions: readonly Mention[], corrections: readonly number[]): Set<Mention> {
  const replaced = new Set<Mention>();
  // A payer is restated too: "I put <payer A> in the tracker but correction — card says <payer B>".
  const factsOf = (m: Mention) => Object.keys(m.phrase.entry.set);
  for (const [k, at] of corrections.entries()) {
    const next = corrections[k + 1] ?? Number.POSITIVE_INFINITY;
    const restated = new Set(mentions.filter((m) => m.start >= at && m.start < next && !m.other).flatMap(factsOf));
    for (const m of mentions) if (m.start < at && factsOf(m).some((f) => restated.has(f))) replaced.add(m);
  }
  return replaced;
}

function add(into: Map<string, FactValue[]>, fact: string, value: FactValue) {
  const values = into.get(fact) ?? [];
  if (!values.includes(value)) values.push(value);
  into.set(fact, values);
}

const flipped = new WeakMap<object, Readonly<Record<string, FactValue>>>();

/** A phrase's yes/no settings negated, made once per phrase (its settings are fixed data). */
function flipBooleans(settings: Readonly<Record<string, FactValue>>): Readonly<Record<string, FactValue>> {
  let out = flipped.get(settings);
  if (!out) {
    out = Object.fromEntries(Object.entries(settings).flatMap(([k, v]) => (typeof v === 'boolean' ? [[k, !v]] : [])));
    flipped.set(settings, out);
  }
  return out;
}

/** One value for a fact, or undefined when the values contradict each other. */
function settle(fact: string, values: FactValue[], corpus: Corpus): FactValue | undefined {
  if (values.length === 1) return values[0];
  const def = corpus.facts[fact];
  if (def?.kind !== 'enum') return undefined;
  const strings = values.map(String);
  const preferred = def.prefer ?? [];
  const first = preferred.find((v) => strings.includes(v));
  if (first) return first;
  // Keep the most specific value when the others are broader forms of it (rectal over pelvic).
  const specific = strings.filter((v) => strings.every((other) => ancestors(def, v).has(other)));
  return specific.length === 1 ? specific[0] : undefined;
}
