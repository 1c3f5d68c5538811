import type { Citation } from '../contract/answer.js';
import { changeNotes } from './changes.js';
import { citationOf, silentCitation } from './citation.js';
import type { ClaimLine } from './claim-line.js';
import { datedProblem, policyStatements } from './dated.js';
import type { PayerQuestion } from './question.js';
import { applies, assumedSetting, groundFor, matchesLine } from './rules.js';
import { inForce } from './state.js';
import type { CodeTable } from './table.js';

/** A verdict on one claim line on its own. */
export type LineVerdict = 'valid' | 'bundled' | 'separately_billable' | 'do_not_bill' | 'deleted' | 'replaced' | 'unknown';

/** One line's verdict for one payer, with its grounds. */
export interface LineCheck {
  readonly line: ClaimLine;
  readonly payer: string;
  readonly verdict: LineVerdict;
  readonly ruleId: string;
  readonly reason: string;
  readonly citation: Citation;
  readonly useInstead: readonly string[];
  readonly assumed: readonly string[];
  readonly notes: readonly string[];
  /** Code-set changes since the policy's coding text that bear on the verdict. */
  readonly changes: readonly string[];
}

/**
 * A line that cannot be reported on the date of service (deleted, replaced, not yet valid), with
 * the payer's own statements about the code and the marked change beside them; undefined when
 * the code is reportable then. Billing answers about a case use it too, so both say the same.
 */
export function datedCheck(table: CodeTable, line: ClaimLine, question: PayerQuestion): LineCheck | undefined {
  const problem = datedProblem(table, line, question);
  if (!problem) return undefined;
  const { payer, dateOfService: date } = question;
  return {
    line,
    payer,
    verdict: problem.verdict,
    ruleId: `codes.line.${problem.ruleId.replace('codes.', '')}`,
    reason: problem.reason,
    citation: problem.citation,
    useInstead: problem.useInstead,
    assumed: [],
    notes: policyStatements(table, line.code, payer),
    changes: changeNotes(table, table.corpus, { codes: [line.code], sections: [], date, payer }),
  };
}

/**
 * Checks one line on the date of service: unknown code, then deleted / replaced / not yet valid
 * (with the payer's own statements about the code and the marked change beside them), then the
 * first line rule that applies and grounds for the payer, else valid.
 */
export function checkLine(table: CodeTable, line: ClaimLine, question: PayerQuestion): LineCheck {
  const { payer, dateOfService: date } = question;
  const base = {
    line,
    payer,
    useInstead: [] as string[],
    assumed: [] as string[],
    notes: [] as string[],
    changes: [] as string[],
  };
  const entry = table.codes[line.code];
  if (!entry) {
    return {
      ...base,
      verdict: 'unknown',
      ruleId: 'codes.line.unknown',
      reason: `${line.code} is not in the code table and no policy here names it; check it against the code set.`,
      citation: silentCitation(table, payer),
    };
  }
  const dated = datedCheck(table, line, question);
  if (dated) return dated;
  for (const rule of table.lines) {
    if (!applies(rule, question) || !matchesLine(table, rule.line, line)) continue;
    const ground = groundFor(table, rule, payer);
    if (!ground) continue;
    const sections = ground.policy ? [`${ground.citation.policyId}:${ground.citation.section}`] : [];
    return {
      ...base,
      verdict: rule.verdict,
      ruleId: `codes.line.${rule.id}`,
      reason: rule.because,
      citation: ground.citation,
      assumed: assumedSetting(table, rule, question),
      changes: changeNotes(table, table.corpus, { codes: [], sections, date, payer }),
    };
  }
  const statements = entry.statements.filter((s) => inForce(s, date) && (!s.setting || s.setting === question.setting));
  const own = statements.find((s) => 'policy' in s.source && s.source.policy === payer) ?? statements[0];
  return {
    ...base,
    verdict: 'valid',
    ruleId: 'codes.line.valid',
    reason: `${line.code} is valid on ${date}: ${entry.description}${own ? ` ${own.text}` : ''}`,
    citation: own ? citationOf(table, own.source) : citationOf(table, { ref: 'cpt' }),
  };
}
