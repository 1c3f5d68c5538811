import type { Passage } from './passages.js';
import type { PassageIndex } from './search.js';

/**
 * The verbatim excerpt that grounds a finding: the rule's own quote when it names one,
 * otherwise the passage of the rule's section that best matches the question (the
 * section's first passage when nothing matches).
 */
export function excerptFor(
  index: PassageIndex,
  // Unused since the index keeps each section's passages; kept so callers need not change.
  _passages: readonly Passage[],
  target: { policyId: string; section: string; quote?: string },
  query: string,
): string {
  if (target.quote) return target.quote;
  // The section's own index: the passages of other sections are never looked at.
  const scope = { policyId: target.policyId, section: target.section };
  const candidates = index.passagesIn(scope);
  // A one-sentence section (II.F) is its own best passage; searching would only cost time.
  if (candidates.length <= 1) return candidates[0]?.text ?? '';
  return index.search(query, scope, 1)[0]?.passage.text ?? candidates[0]?.text ?? '';
}
