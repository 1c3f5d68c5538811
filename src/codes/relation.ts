import type { Citation } from '../contract/answer.js';
import { valueLabel } from '../policy/facts.js';
import { changeNotes } from './changes.js';
import { citationOf, payerName, silentCitation } from './citation.js';
import { type ClaimLine, lineLabel } from './claim-line.js';
import { datedProblem } from './dated.js';
import { type CodeQuestion, toLine } from './question.js';
import { applies, assumedSetting, groundFor, matchesLine } from './rules.js';
import type { PairRule } from './schema.js';
import { currentCodes } from './state.js';
import type { CodeTable } from './table.js';

/** Whether code A can be billed with code B. */
export type Verdict = 'bundled' | 'separately_billable' | 'do_not_bill' | 'replaced' | 'deleted' | 'not_addressed';

/** A verdict on two codes on one claim, for one payer, with its grounds. */
export interface Relation {
  /** The two lines in the order the deciding rule reads them ("77370 with an IGRT code"). */
  readonly a: ClaimLine;
  readonly b: ClaimLine;
  readonly payer: string;
  readonly verdict: Verdict;
  readonly ruleId: string;
  /** Whether a pair rule or a replacement relates the two; false means nothing says they conflict. */
  readonly related: boolean;
  readonly reason: string;
  readonly citation: Citation;
  readonly useInstead: readonly string[];
  readonly assumed: readonly string[];
  readonly notes: readonly string[];
  /** Code-set changes since the policy's coding text that bear on the verdict. */
  readonly changes: readonly string[];
}

/**
 * Can A be billed with B on the date of service? A replacement between them says "replaced";
 * a code not valid on the date says "deleted" (giving the policy's own verdict beside it); else
 * the first pair rule that applies, grounded in the payer's policy or a public source; else
 * "not addressed". Without `payer`, the first payer whose policy cites the rule answers.
 */
export function relation(table: CodeTable, a: ClaimLine | string, b: ClaimLine | string, question: CodeQuestion): Relation {
  const [x, y] = [toLine(a), toLine(b)];
  const replacement = replacementBetween(table, x, y, question);
  if (replacement) return replacement;
  const found = findRule(table, x, y, question);
  const payer = question.payer ?? Object.keys(found?.rule.cite ?? {})[0] ?? firstPayer(table);
  const [first, second] = found?.lines ?? [x, y];
  const base = {
    a: first,
    b: second,
    payer,
    related: found !== undefined,
    useInstead: [] as string[],
    notes: [] as string[],
    changes: [] as string[],
  };
  const ground = found && groundFor(table, found.rule, payer);
  const assumed = found ? assumedSetting(table, found.rule, question) : [];
  const sections = ground?.policy ? [`${ground.citation.policyId}:${ground.citation.section}`] : [];
  const problems = [first, second].flatMap((line) => datedProblem(table, line, question) ?? []);
  const date = question.dateOfService;

  const problem = problems[0];
  if (problem) {
    const policySays =
      found && ground
        ? ` ${payerName(table, payer)}'s policy says of this pair: ${found.rule.verdict.replaceAll('_', ' ')} — ${found.rule.because}`
        : '';
    return {
      ...base,
      verdict: problem.verdict,
      ruleId: found ? `codes.pair.${found.rule.id}+${problem.ruleId}` : problem.ruleId,
      reason: `${problems.map((p) => p.reason).join(' ')}${policySays}`,
      // The policy's own words stay the citation when it speaks to the pair; the change is the marked note.
      citation: ground?.citation ?? problem.citation,
      useInstead: [...new Set(problems.flatMap((p) => p.useInstead))],
      assumed,
      changes: changeNotes(table, table.corpus, { codes: problems.map((p) => p.code), sections, date, payer }),
    };
  }
  if (found && ground) {
    return {
      ...base,
      verdict: found.rule.verdict,
      ruleId: `codes.pair.${found.rule.id}`,
      reason: found.rule.because,
      citation: ground.citation,
      assumed,
      changes: ground.policy ? changeNotes(table, table.corpus, { codes: [], sections, date, payer }) : [],
    };
  }
  return {
    ...base,
    verdict: 'not_addressed',
    ruleId: found ? `codes.pair.${found.rule.id}.silent` : 'codes.pair.none',
    reason: `${payerName(table, payer)}'s policy does not address ${lineLabel(first)} with ${lineLabel(second)}.`,
    citation: silentCitation(table, payer),
    assumed,
    notes: found ? citedBy(table, found.rule) : [],
  };
}

/** The first applicable pair rule, trying both orders of the two lines. */
function findRule(table: CodeTable, x: ClaimLine, y: ClaimLine, question: CodeQuestion) {
  if (x.code === y.code) return undefined;
  for (const rule of table.pairs) {
    if (!applies(rule, question)) continue;
    if (matchesLine(table, rule.a, x) && matchesLine(table, rule.b, y)) return { rule, lines: [x, y] as const };
    if (matchesLine(table, rule.a, y) && matchesLine(table, rule.b, x)) return { rule, lines: [y, x] as const };
  }
  return undefined;
}

/** "76950 + G6001": the old code was replaced by the other one on or before the date of service. */
function replacementBetween(table: CodeTable, x: ClaimLine, y: ClaimLine, question: CodeQuestion): Relation | undefined {
  for (const [old, now] of [
    [x, y],
    [y, x],
  ] as const) {
    const link = table.codes[old.code]?.replacedBy.find((l) => l.codes.includes(now.code) && l.from <= question.dateOfService);
    if (!link) continue;
    const useInstead = currentCodes(table, old.code, question.dateOfService, question.setting);
    const still = useInstead.includes(now.code) ? '' : ` On ${question.dateOfService} that means ${useInstead.join(' or ')}.`;
    const where = link.setting ? ` in the ${valueLabel(table.corpus.facts, 'setting', link.setting)} setting` : '';
    const payer = question.payer ?? ('policy' in link.source ? link.source.policy : firstPayer(table));
    return {
      a: old,
      b: now,
      payer,
      verdict: 'replaced',
      ruleId: 'codes.replaced',
      related: true,
      reason: `${old.code} was replaced by ${link.codes.join('/')} from ${link.from}${where}: report ${now.code}, not ${old.code}.${still}`,
      citation: citationOf(table, link.source),
      useInstead,
      assumed: [],
      notes: [],
      changes: [],
    };
  }
  return undefined;
}

/** Who does address a pair one payer is silent on. */
function citedBy(table: CodeTable, rule: PairRule): string[] {
  return Object.keys(rule.cite).map(
    (p) => `${payerName(table, p)}'s policy does: ${rule.verdict.replaceAll('_', ' ')} — ${rule.because}`,
  );
}

const firstPayer = (table: CodeTable) => [...table.corpus.policies.keys()][0] ?? '';
