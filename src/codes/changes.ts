import type { Corpus } from '../policy/corpus.js';
import type { CodeTable } from './table.js';

/**
 * Clearly marked notes for code-set changes that postdate a policy's coding statement and
 * affect the question: the policy's answer stands as the policy's, and the note says what
 * changed, since when, and who says so.
 */
export function changeNotes(
  table: CodeTable,
  corpus: Corpus,
  about: { codes: readonly string[]; sections: readonly string[]; date: string },
): string[] {
  return table.changes
    .filter((change) => change.effective <= about.date)
    .filter(
      (change) => about.codes.some((c) => change.codes.includes(c)) || about.sections.some((s) => change.sections.includes(s)),
    )
    .map((change) => {
      const source = table.sources[change.source];
      const policies = new Set(change.sections.map((s) => s.split(':')[0] ?? ''));
      const policyDates = [...policies].flatMap((id) => {
        const doc = corpus.policies.get(id)?.doc;
        return doc?.dates.effective ? [`${doc.payer} ${doc.dates.effective}`] : [];
      });
      return `⚠️ Code-set change since ${change.effective} (after the policy's coding text${policyDates.length ? `; policy effective ${policyDates.join(', ')}` : ''}): ${change.text} Source: ${source?.title ?? change.source}.`;
    });
}
