import type { ClaimRow, Finding } from '../contract/answer.js';
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
  const rows = mergeRows([
    ...lineChecks.map((c) => ({ subject: lineLabel(c.line), payers: [c.payer], verdict: c.verdict, reason: c.reason })),
    ...pairs.map((r) => ({
      subject: `${lineLabel(r.a)} + ${lineLabel(r.b)}`,
      payers: [r.payer],
      verdict: r.verdict,
      reason: r.reason,
    })),
  ]);
  return {
    dateOfService: question.dateOfService,
    payers,
    lines: lineChecks,
    pairs,
    findings,
    rows,
    summary: summarise(table, lines.length, rows, question.dateOfService, payers),
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

function summarise(table: CodeTable, count: number, rows: readonly ClaimRow[], date: string, payers: readonly string[]): string {
  const tally = new Map<string, number>();
  for (const row of rows) {
    if (DETERMINATION_OF[row.verdict] === 'info') continue;
    const word = row.verdict.replaceAll('_', ' ');
    tally.set(word, (tally.get(word) ?? 0) + 1);
  }
  const findings = [...tally].map(([word, n]) => `${n} ${word}`).join(', ') || 'no conflicts found';
  return `${count} line(s) checked for date of service ${date} (${payers.map((p) => payerName(table, p)).join(', ')}): ${findings}.`;
}
