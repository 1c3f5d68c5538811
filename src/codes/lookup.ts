import type { CodeEntry, Link } from './schema.js';
import type { CodeTable } from './table.js';

/** Whether a code can be reported on a date of service. */
export type CodeState = 'active' | 'deleted' | 'not_yet_valid' | 'unknown';

/** What the table knows about a code on a date of service. */
export interface CodeStatus {
  readonly code: string;
  readonly entry?: CodeEntry;
  readonly state: CodeState;
  /** Codes to use instead on that date (with the setting they apply to, when they differ by setting). */
  readonly useInstead: readonly Link[];
  /** Codes this one replaced. */
  readonly replaced: readonly Link[];
  /** Statements in force on that date. */
  readonly statements: CodeEntry['statements'];
}

/** The code's status and statements on a date of service (YYYY-MM-DD compares as text). */
export function codeStatus(table: CodeTable, code: string, date: string): CodeStatus {
  const entry = table.codes[code];
  if (!entry) return { code, state: 'unknown', useInstead: [], replaced: [], statements: [] };
  const state: CodeState =
    entry.validFrom && date < entry.validFrom ? 'not_yet_valid' : entry.validTo && date > entry.validTo ? 'deleted' : 'active';
  return {
    code,
    entry,
    state,
    useInstead: entry.replacedBy.filter((link) => link.from <= date),
    replaced: [...entry.replaces, ...replacedByThis(table, code)],
    statements: entry.statements.filter((s) => (!s.from || s.from <= date) && (!s.until || date <= s.until)),
  };
}

/** Links in other entries that name this code as the replacement (76950 → G6001 seen from G6001). */
function replacedByThis(table: CodeTable, code: string): Link[] {
  return Object.entries(table.codes).flatMap(([other, entry]) =>
    entry.replacedBy
      .filter((link) => link.codes.includes(code) && !table.codes[code]?.replaces.some((r) => r.codes.includes(other)))
      .map((link) => ({ ...link, codes: [other] })),
  );
}
