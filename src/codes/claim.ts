import type { ClaimRow, CodeVerdict, Finding } from '../contract/answer.js';
import type { Determination } from '../contract/determination.js';
import { payerName } from './citation.js';
import { type ClaimLine, lineLabel } from './claim-line.js';
import { DETERMINATION_OF, lineFinding, relationFinding } from './finding.js';
import { checkLine, type LineCheck } from './line.js';
import type { CodeQuestion } from './question.js';
import { type Relation, relation } from './relation.js';
import type { CodeTable } from './table.js';

/** A whole claim checked: per-line and per-conflicting-pair results for each payer, as Findings, rows and a summary. */
export interface ClaimCheck {
  readonly dateOfService: string;
  readonly payers: readonly string[];
  readonly lines: readonly LineCheck[];
  readonly pairs: readonly Relation[];
  /** Most actionable first (do not bill, bundled, separately billable, not addressed, info), so a payer's first finding is its headline. */
  readonly findings: readonly Finding[];
  /** One finding per payer whose determination is the claim's strongest verdict for it (the contract's view). */
  readonly byPayer: readonly Finding[];
  /** One row per claim line, the pairs folded into the line they affect. */
  readonly rows: ClaimRow[];
  readonly summary: string;
}

const RANK: Readonly<Record<Determination, number>> = {
  do_not_bill: 0,
  not_medically_necessary: 0,
  bundled: 1,
  separately_billable: 2,
  needs_info: 3,
  not_addressed: 4,
  not_applicable: 4,
  medically_necessary: 5,
  info: 5,
};

/**
 * Checks claim lines for each payer (the one asked, else every payer in the corpus) on the
 * date of service: a verdict per line, and one per pair of lines that a pair rule or a
 * replacement relates (pairs nothing relates are not conflicts and are left out).
 */
export function checkClaim(table: CodeTable, lines: readonly ClaimLine[], question: CodeQuestion): ClaimCheck {
  const payers = question.payer ? [question.payer] : [...table.corpus.policies.keys()];
  const lineChecks = payers.flatMap((payer) => lines.map((line) => checkLine(table, line, { ...question, payer })));
  const pairs = payers.flatMap((payer) =>
    lines.flatMap((x, i) =>
      lines
        .slice(i + 1)
        .map((y) => relation(table, x, y, { ...question, payer }))
        .filter((r) => r.related),
    ),
  );
  const findings = [...lineChecks.map(lineFinding), ...pairs.map(relationFinding)].sort(
    (f, g) => RANK[f.determination] - RANK[g.determination],
  );
  const rows = mergeRows(lineChecks.map((check) => lineRow(check, pairs)));
  return {
    dateOfService: question.dateOfService,
    payers,
    lines: lineChecks,
    pairs,
    findings,
    byPayer: payers.map((payer) => payerFinding(table, payer, lines.length, findings)),
    rows,
    summary: summarise(table, lines.length, lineChecks, pairs, question.dateOfService, payers),
  };
}

/** A verdict's strength: the more it stops a line being billed as written, the stronger. */
const STRENGTH = (verdict: CodeVerdict): number => RANK[DETERMINATION_OF[verdict]];

/** A line's row for one payer: its own verdict, or a stronger one from a pair it is the affected side of, with every reason. */
function lineRow(check: LineCheck, pairs: readonly Relation[]): ClaimRow {
  // A pair rule reads "A with B": A is the line the verdict is about (IGRT bundled into SBRT delivery).
  // A pair rule overruled by a code not valid on the date ("…+codes.deleted") is moot: that line says so itself.
  const affecting = pairs.filter((p) => p.payer === check.payer && p.a === check.line && !p.ruleId.includes('+codes.'));
  let verdict: CodeVerdict = check.verdict;
  for (const pair of affecting) if (STRENGTH(pair.verdict) < STRENGTH(verdict)) verdict = pair.verdict;
  const withPairs = affecting.map((p) => `With ${lineLabel(p.b)}: ${p.verdict.replaceAll('_', ' ')} — ${p.reason}`);
  const own = check.verdict === 'valid' && affecting.length > 0 ? [] : [check.reason];
  return { subject: lineLabel(check.line), payers: [check.payer], verdict, reason: [...own, ...withPairs].join(' ') };
}

/** Claim-level determinations in the contract's order; anything weaker than separately billable reads as info. */
const CLAIM_LEVEL: readonly Determination[] = ['do_not_bill', 'bundled', 'separately_billable'];

/**
 * The payer's finding for the whole claim: the strongest verdict among its lines and pairs
 * (do not bill > bundled > separately billable > info), grounded in the line that carries it,
 * with every line's assumptions, notes and code-set changes.
 */
function payerFinding(table: CodeTable, payer: string, count: number, findings: readonly Finding[]): Finding {
  const own = findings.filter((f) => f.payer === payer);
  const top = own[0] as Finding;
  const determination = CLAIM_LEVEL.includes(top.determination) ? top.determination : 'info';
  const strongest = determination === 'info' ? 'no line is bundled or barred' : `${top.subject}: ${top.reason}`;
  return {
    ...top,
    determination,
    reason: `${count} line(s) checked for ${payerName(table, payer)}; strongest verdict ${determination.replaceAll('_', ' ')} — ${strongest}`,
    assumed: [...new Set(own.flatMap((f) => f.assumed))],
    notes: [...new Set(own.flatMap((f) => f.notes))],
    changes: [...new Set(own.flatMap((f) => f.changes))],
    subject: `claim of ${count} line(s)`,
  };
}

/** Rows that say the same for several payers become one row naming them all. */
function mergeRows(rows: readonly ClaimRow[]): ClaimRow[] {
  const merged: ClaimRow[] = [];
  for (const row of rows) {
    const i = merged.findIndex((m) => m.subject === row.subject && m.verdict === row.verdict && m.reason === row.reason);
    const same = merged[i];
    if (same) merged[i] = { ...same, payers: [...same.payers, ...row.payers] };
    else merged.push(row);
  }
  return merged;
}

/** "40 line(s) checked …: <payer A>: 2 do not bill, 3 bundled, 35 no problem found; <payer B>: …" — lines, not pairs. */
function summarise(
  table: CodeTable,
  count: number,
  lines: readonly LineCheck[],
  pairs: readonly Relation[],
  date: string,
  payers: readonly string[],
): string {
  const perPayer = payers.map((payer) => {
    const tally = new Map<string, number>();
    for (const check of lines.filter((c) => c.payer === payer)) {
      const verdict = lineRow(check, pairs).verdict;
      const word = DETERMINATION_OF[verdict] === 'info' ? 'no problem found' : verdict.replaceAll('_', ' ');
      tally.set(word, (tally.get(word) ?? 0) + 1);
    }
    const said = [...tally].map(([word, n]) => `${n} ${word}`).join(', ');
    return payers.length > 1 ? `${payerName(table, payer)}: ${said}` : said;
  });
  return `${count} line(s) checked for date of service ${date} (${payers.map((p) => payerName(table, p)).join(', ')}): ${perPayer.join('; ')}.`;
}
