import type { Corpus } from '../policy/corpus.js';

/** A sentence- or item-sized piece of a policy section, the unit excerpts are made of. */
export interface Passage {
  readonly policyId: string;
  /** The payer's name as the policy gives it, and its policy's number (their words are never search topics). */
  readonly payer: string;
  readonly policyNumber?: string;
  readonly section: string;
  readonly sectionTitle: string;
  readonly text: string;
}

// Split after a full stop (or a quotation it closes) that ends a sentence, not inside "i.e." or "et al.".
const SENTENCE_END = /(?<!\b(?:i\.e|e\.g|al|Inc|vs|ot))(?<=[.:]["”]?)\s+(?=[A-Z(“"])/;

/** Splits every section of every policy into sentence passages, verbatim. */
export function splitPassages(corpus: Corpus): Passage[] {
  const passages: Passage[] = [];
  for (const [policyId, policy] of corpus.policies) {
    for (const section of policy.doc.sections) {
      for (const text of section.text.split(SENTENCE_END)) {
        if (text.trim()) {
          passages.push({
            policyId,
            payer: policy.doc.payer,
            ...(policy.doc.policyNumber ? { policyNumber: policy.doc.policyNumber } : {}),
            section: section.id,
            sectionTitle: section.title,
            text: text.trim(),
          });
        }
      }
    }
  }
  return passages;
}
