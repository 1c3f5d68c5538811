import type { Citation } from '../contract/answer.js';
import { citationOf, payerName } from './citation.js';
import type { ClaimLine } from './claim-line.js';
import type { CodeQuestion } from './question.js';
import { codeState, currentCodes } from './state.js';
import type { CodeTable } from './table.js';

/** Why a code cannot be reported on the date of service, with what to report instead. */
export interface DatedProblem {
  readonly code: string;
  readonly verdict: 'deleted' | 'replaced' | 'do_not_bill';
  readonly ruleId: string;
  readonly reason: string;
  readonly citation: Citation;
  readonly useInstead: readonly string[];
}

/** The date problem of a line on the date of service (deleted, replaced, not yet valid), or undefined when it is reportable. */
export function datedProblem(table: CodeTable, line: ClaimLine, question: CodeQuestion): DatedProblem | undefined {
  const entry = table.codes[line.code];
  const date = question.dateOfService;
  const state = codeState(table, line.code, date, question.setting);
  if (!entry || state === 'active' || state === 'unknown') return undefined;
  const useInstead = currentCodes(table, line.code, date, question.setting);
  const use = useInstead.length > 0 ? `; report ${useInstead.join(' or ')} instead` : '';
  if (state === 'not_yet_valid' && entry.validFrom) {
    return {
      code: line.code,
      verdict: 'do_not_bill',
      ruleId: 'codes.not-yet-valid',
      reason: `${line.code} is not valid on ${date}: valid from ${entry.validFrom.date}${use}.`,
      citation: citationOf(table, entry.validFrom.source),
      useInstead,
    };
  }
  if (state === 'deleted' && entry.validTo) {
    return {
      code: line.code,
      verdict: 'deleted',
      ruleId: 'codes.deleted',
      reason: `${line.code} is deleted on ${date} (last valid ${entry.validTo.date})${use}.`,
      citation: citationOf(table, entry.validTo.source),
      useInstead,
    };
  }
  const link = entry.replacedBy.find((l) => l.from <= date && (!l.setting || l.setting === question.setting));
  if (!link) return undefined;
  return {
    code: line.code,
    verdict: 'replaced',
    ruleId: 'codes.replaced',
    reason: `${line.code} is replaced from ${link.from} by ${link.codes.join('/')}${use}.`,
    citation: citationOf(table, link.source),
    useInstead,
  };
}

/** The payer's own statements about a code, quoted, for showing beside a later change. */
export function policyStatements(table: CodeTable, code: string, payer: string): string[] {
  const doc = table.corpus.policies.get(payer)?.doc;
  const effective = doc?.dates.effective ? ` (effective ${doc.dates.effective})` : '';
  return (table.codes[code]?.statements ?? []).flatMap((s) =>
    'policy' in s.source && s.source.policy === payer
      ? [`${payerName(table, payer)} policy${effective}, ${s.source.section}, says: “${s.source.quote}”`]
      : [],
  );
}
