import type { Citation } from '../contract/answer.js';
import { citationOf } from './citation.js';
import type { ClaimLine } from './claim-line.js';
import type { CodeQuestion } from './question.js';
import type { LineMatch, LineRule, PairRule, Setting } from './schema.js';
import { inForce } from './state.js';
import type { CodeTable } from './table.js';

type Rule = LineRule | PairRule;

/** Whether a claim line fits one side of a rule: its code or kind, and its modifier (`none` = no modifier). */
export function matchesLine(table: CodeTable, match: LineMatch, line: ClaimLine): boolean {
  if (match.codes && !match.codes.includes(line.code)) return false;
  if (match.kind && table.codes[line.code]?.kind !== match.kind) return false;
  if (match.modifiers && !match.modifiers.includes(line.modifier ?? 'none')) return false;
  return true;
}

/**
 * Whether a rule applies to the question: its dates hold on the date of service, its modality is
 * the one asked about, and its setting is the claim's — or the claim gave none, in which case
 * the caller says which setting it took (see `assumedSetting`).
 */
export function applies(rule: Rule, question: CodeQuestion): boolean {
  if (!inForce(rule, question.dateOfService)) return false;
  if (rule.modality && !(question.modality && rule.modality.includes(question.modality))) return false;
  return !rule.setting || !question.setting || rule.setting === question.setting;
}

/** The sentence saying which setting a rule was read in when the question named none. */
export function assumedSetting(table: CodeTable, rule: Rule, question: CodeQuestion): string[] {
  if (!rule.setting || question.setting) return [];
  const other: Setting = rule.setting === 'hospital_outpatient' ? 'office_freestanding' : 'hospital_outpatient';
  const label = (s: Setting) => {
    const fact = table.corpus.facts.setting;
    return fact?.kind === 'enum' ? (fact.values[s]?.label ?? s) : s;
  };
  return [`Setting taken as ${label(rule.setting)}; in the ${label(other)} setting the answer may differ — say which.`];
}

/** What grounds a rule for a payer: its own policy quote, else the rule's public source; none when the payer is silent. */
export function groundFor(table: CodeTable, rule: Rule, payer: string): { citation: Citation; policy: boolean } | undefined {
  const cite = rule.cite[payer];
  if (cite) return { citation: citationOf(table, { policy: payer, ...cite }), policy: true };
  if (rule.source) return { citation: citationOf(table, rule.source), policy: false };
  return undefined;
}
