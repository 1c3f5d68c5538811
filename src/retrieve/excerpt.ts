import type { Passage } from './passages.js';
import type { PassageIndex } from './search.js';

/**
 * The verbatim excerpt that grounds a finding: the rule's own quote when it names one,
 * otherwise the passage of the rule's section that best matches the question (the
 * section's first passage when nothing matches).
 */
export function excerptFor(
  index: PassageIndex,
  passages: readonly Passage[],
  target: { policyId: string; section: string; quote?: string },
  query: string,
): string {
  if (target.quote) return target.quote;
  const inSection = (p: Passage) => p.policyId === target.policyId && p.section === target.section;
  const candidates = passages.filter(inSection);
  // A one-sentence section (II.F) is its own best passage; searching would only cost time.
  if (candidates.length <= 1) return candidates[0]?.text ?? '';
  const best = index.search(query, inSection, 1)[0];
  return best?.passage.text ?? passages.find(inSection)?.text ?? '';
}
