import type { Setting } from './schema.js';
import type { CodeTable } from './table.js';

/** Whether something is in force on a date: `from` and `until` are inclusive YYYY-MM-DD, which compare as text. */
export function inForce(
  item: { readonly from?: string | undefined; readonly until?: string | undefined },
  date: string,
): boolean {
  return (!item.from || item.from <= date) && (!item.until || date <= item.until);
}

/** Whether a code can be reported on a date of service, and if not, why. */
export type CodeState = 'active' | 'deleted' | 'not_yet_valid' | 'replaced' | 'unknown';

/**
 * A code's state on a date: deleted after its `validTo`, not yet valid before its `validFrom`,
 * replaced when a replacement is in force for the setting (or for every setting), else active.
 */
export function codeState(table: CodeTable, code: string, date: string, setting?: Setting): CodeState {
  const entry = table.codes[code];
  if (!entry) return 'unknown';
  if (entry.validFrom && date < entry.validFrom.date) return 'not_yet_valid';
  if (entry.validTo && date > entry.validTo.date) return 'deleted';
  const replaced = entry.replacedBy.some((link) => link.from <= date && (!link.setting || link.setting === setting));
  return replaced ? 'replaced' : 'active';
}

/** Follows replacements to the codes valid on the date (76950 → G6001 → 77387 in 2026), for the setting when given. */
export function currentCodes(
  table: CodeTable,
  code: string,
  date: string,
  setting?: Setting,
  seen = new Set<string>(),
): string[] {
  if (seen.has(code)) return [];
  seen.add(code);
  const state = codeState(table, code, date, setting);
  if (state === 'active' || state === 'unknown') return [code];
  const links = (table.codes[code]?.replacedBy ?? []).filter(
    (link) => link.from <= date && (!setting || !link.setting || link.setting === setting),
  );
  return [...new Set(links.flatMap((link) => link.codes.flatMap((c) => currentCodes(table, c, date, setting, seen))))];
}
