import type { Corpus } from '../policy/corpus.js';
import type { CodeChange } from './schema.js';
import type { CodeTable } from './table.js';

/** The code-set changes in force on a date that touch one of the codes or policy sections (`policy:section`). */
export function changesAffecting(
  table: CodeTable,
  about: { codes: readonly string[]; sections: readonly string[]; date: string },
): CodeChange[] {
  return table.changes.filter(
    (change) =>
      change.effective <= about.date &&
      (about.codes.some((c) => change.codes.includes(c)) || about.sections.some((s) => change.sections.includes(s))),
  );
}

/**
 * Clearly marked notes for code-set changes that postdate a policy's coding statement and
 * affect the question: the policy's answer stands as the policy's, and the note says what
 * changed, since when, and who says so.
 */
export function changeNotes(
  table: CodeTable,
  corpus: Corpus,
  about: { codes: readonly string[]; sections: readonly string[]; date: string; payer?: string },
): string[] {
  return changesAffecting(table, about).map((change) => {
    const source = table.sources[change.source];
    // The note is about the finding's own policy, never another payer's.
    const policies = about.payer ? [about.payer] : [...new Set(change.sections.map((s) => s.split(':')[0] ?? ''))];
    const named = policies.flatMap((id) => {
      const doc = corpus.policies.get(id)?.doc;
      if (!doc) return [];
      return [
        `${doc.payer} “${doc.title}”${doc.dates.effective ? `, effective ${doc.dates.effective}` : ', no effective date stated'}`,
      ];
    });
    const policy = named.length ? `; policy: ${named.join(', ')}` : '';
    return `Code-set change since ${change.effective} (after the policy's coding text${policy}): ${change.text} Source: ${source?.title ?? change.source}.`;
  });
}
