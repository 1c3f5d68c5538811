import { changeNotes } from './changes.js';
import type { CodeEntry, Link, Setting, Statement } from './schema.js';
import { type CodeState, codeState, currentCodes, inForce } from './state.js';
import type { CodeTable } from './table.js';

/** What the table says about a code on a date of service. */
export interface CodeLookup {
  readonly code: string;
  readonly dateOfService: string;
  readonly state: CodeState;
  readonly entry?: CodeEntry;
  /** Codes this one replaced, whether the link is written on this code or on the old one. */
  readonly replaces: readonly Link[];
  /** Every replacement of this code, in force on the date or not. */
  readonly replacedBy: readonly Link[];
  /** The codes to report instead on the date, when this one is deleted or replaced there. */
  readonly useInstead: readonly string[];
  /** Statements in force on the date (and in the setting, when given). */
  readonly statements: readonly Statement[];
  /** Code-set changes since the policies' coding text that touch this code. */
  readonly changes: readonly string[];
}

/** Looks a code up on a date of service: description, state (active / deleted / replaced / not yet valid), replacements both ways. */
export function lookupCode(
  table: CodeTable,
  code: string,
  dateOfService: string,
  options: { setting?: Setting } = {},
): CodeLookup {
  const entry = table.codes[code];
  const state = codeState(table, code, dateOfService, options.setting);
  const base = { code, dateOfService, state };
  if (!entry) return { ...base, replaces: [], replacedBy: [], useInstead: [], statements: [], changes: [] };
  return {
    ...base,
    entry,
    replaces: [...entry.replaces, ...replacedByThis(table, code)],
    replacedBy: entry.replacedBy,
    useInstead: state === 'active' ? [] : currentCodes(table, code, dateOfService, options.setting),
    statements: entry.statements.filter(
      (s) => inForce(s, dateOfService) && (!s.setting || !options.setting || s.setting === options.setting),
    ),
    changes: changeNotes(table, table.corpus, { codes: [code], sections: [], date: dateOfService }),
  };
}

/** Links written on other entries that name this code as the replacement (76950 → G6001, seen from G6001). */
function replacedByThis(table: CodeTable, code: string): Link[] {
  const own = table.codes[code]?.replaces ?? [];
  return Object.entries(table.codes).flatMap(([other, entry]) =>
    entry.replacedBy
      .filter((link) => link.codes.includes(code) && !own.some((r) => r.codes.includes(other)))
      .map((link) => ({ ...link, codes: [other] })),
  );
}
