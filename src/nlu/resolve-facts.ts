import type { Corpus } from '../policy/corpus.js';
import { ancestors, type Facts, type FactValue } from '../policy/facts.js';
import type { Mention } from './extract.js';

/** The facts a question states, the payers it names, and facts it states in contradictory ways. */
export interface StatedFacts {
  readonly facts: Facts;
  readonly payers: readonly string[];
  readonly conflicts: readonly { fact: string; values: readonly FactValue[] }[];
}

/** A metastasis names what is treated, whatever the primary: "bone mets from prostate" is bone. */
const TREATED_SITE_FIRST = ['bone_metastasis', 'brain_metastasis'];
/**
 * When two modalities are named, the more particular one is the treatment: stereotactic
 * delivery is often planned with IMRT/VMAT, and "3DCRT boost with electrons" is electrons.
 */
const MODALITY_FIRST = ['srs', 'sbrt', 'brachytherapy', 'electron', 'superficial', 'proton'];

/** Turns mentions into facts: negation applied, the most specific value kept, contradictions reported. */
export function resolveFacts(mentions: readonly Mention[], corpus: Corpus): StatedFacts {
  const seen = new Map<string, FactValue[]>();
  const payers: string[] = [];
  for (const mention of mentions) {
    const { entry } = mention.phrase;
    const negatable = entry.negated !== undefined || Object.values(entry.set).some((v) => typeof v === 'boolean');
    const settings = mention.negated && negatable ? (entry.negated ?? flipBooleans(entry.set)) : entry.set;
    for (const [fact, value] of Object.entries(settings)) {
      if (fact === 'payer') {
        if (!payers.includes(String(value))) payers.push(String(value));
        continue;
      }
      const values = seen.get(fact) ?? [];
      if (!values.includes(value)) values.push(value);
      seen.set(fact, values);
    }
  }
  const facts: Record<string, FactValue> = {};
  const conflicts: { fact: string; values: FactValue[] }[] = [];
  for (const [fact, values] of seen) {
    const value = settle(fact, values, corpus);
    if (value === undefined) conflicts.push({ fact, values });
    else facts[fact] = value;
  }
  return { facts, payers, conflicts };
}

function flipBooleans(settings: Record<string, FactValue>): Record<string, FactValue> {
  return Object.fromEntries(Object.entries(settings).flatMap(([k, v]) => (typeof v === 'boolean' ? [[k, !v]] : [])));
}

/** One value for a fact, or undefined when the values contradict each other. */
function settle(fact: string, values: FactValue[], corpus: Corpus): FactValue | undefined {
  if (values.length === 1) return values[0];
  const def = corpus.facts[fact];
  if (def?.kind !== 'enum') return undefined;
  const strings = values.map(String);
  const preferred = fact === 'diagnosis' ? TREATED_SITE_FIRST : fact === 'modality' ? MODALITY_FIRST : [];
  const first = preferred.find((v) => strings.includes(v));
  if (first) return first;
  // Keep the most specific value when the others are broader forms of it (rectal over pelvic).
  const specific = strings.filter((v) => strings.every((other) => ancestors(def, v).has(other)));
  return specific.length === 1 ? specific[0] : undefined;
}
