import type { Finding } from '../answer/schema.js';
import type { CodeMention } from '../nlu/codes.js';
import type { Determination } from '../policy/determination.js';
import { codeStatus } from './lookup.js';
import type { PairRule } from './schema.js';
import type { CodeTable } from './table.js';

/** What a claim is checked against: its payers, setting and date of service. */
export interface ClaimContext {
  readonly payers: readonly string[];
  readonly setting?: string;
  readonly date: string;
  /** Codes valid on the date that stand in for a deleted one (from the caller's replacement walk). */
  readonly currentCodes: (code: string) => string[];
  /** What to cite for a payer whose policy is silent on a pair: its own coding statement. */
  readonly silentCitation: (payer: string) => Finding['citation'];
}

/** One row of the claim check, for the table a person reads. */
export interface ClaimRow {
  readonly subject: string;
  readonly payer?: string;
  readonly determination: Determination;
  readonly reason: string;
}

const label = (line: CodeMention) =>
  `${line.code}${line.modifier ? `-${line.modifier}` : ''}${line.units ? ` x${line.units}` : ''}`;

function matches(table: CodeTable, match: PairRule['a'], code: string): boolean {
  if (match.codes && !match.codes.includes(code)) return false;
  if (match.kind && table.codes[code]?.kind !== match.kind) return false;
  return true;
}

/**
 * Checks claim lines: each line on the date of service (deleted, not yet valid, or fine),
 * then each conflicting pair by the pair rules, for every payer. Returns findings whose
 * `subject` names the line or pair, and a one-line summary.
 */
export function checkClaim(
  table: CodeTable,
  lines: readonly CodeMention[],
  context: ClaimContext,
): { findings: Finding[]; rows: ClaimRow[]; summary: string } {
  const findings: Finding[] = [];
  const rows: ClaimRow[] = [];
  const base = { missing: [], assumed: [], notes: [], trace: [] };
  for (const line of lines) {
    const status = codeStatus(table, line.code, context.date);
    const grounded = status.entry?.statements.find((s) => 'policy' in s.source)?.source;
    const citation =
      grounded && 'policy' in grounded
        ? { policyId: grounded.policy, section: grounded.section, excerpt: grounded.quote }
        : {
            policyId: 'horizon',
            section: 'background.coding',
            excerpt: 'Effective 1/1/2015, IGRT techniques are covered under two different coding systems.',
          };
    const verdict = lineVerdict(table, line, status.state, context);
    if (!verdict) {
      rows.push({
        subject: label(line),
        determination: 'not_addressed',
        reason: `${line.code} is not in the code table; check it yourself.`,
      });
      continue;
    }
    rows.push({ subject: label(line), determination: verdict.determination, reason: verdict.reason });
    // A valid line needs no finding of its own; its conflicts are the pairs below.
    if (verdict.determination === 'info') continue;
    for (const payer of context.payers) {
      findings.push({
        ...base,
        payer,
        subject: label(line),
        ruleId: `claim.line.${verdict.rule}`,
        determination: verdict.determination,
        reason: verdict.reason,
        citation,
      });
    }
  }
  for (const a of lines) {
    for (const b of lines) {
      if (a === b || a.code === b.code) continue;
      const rule = table.pairs.find(
        (p) =>
          matches(table, p.a, a.code) &&
          matches(table, p.b, b.code) &&
          (!p.setting || !context.setting || p.setting === context.setting),
      );
      if (!rule) continue;
      // Two IGRT codes conflict once: the second line is the one not to bill.
      if (rule.id === 'second-igrt-method' && lines.indexOf(a) < lines.indexOf(b)) continue;
      for (const payer of context.payers) {
        const cite = rule.cite[payer];
        const dated = [a, b]
          .filter((line) => codeStatus(table, line.code, context.date).state === 'deleted')
          .map((line) => line.code);
        const caveat = dated.length
          ? ` (This is the policy's coding text; ${dated.join(' and ')} ${dated.length > 1 ? 'are' : 'is'} no longer valid on ${context.date} — see the line verdicts.)`
          : '';
        findings.push({
          ...base,
          payer,
          subject: `${label(a)} + ${label(b)}`,
          ruleId: `claim.pair.${rule.id}`,
          determination: cite ? rule.verdict : 'not_addressed',
          reason: cite ? `${rule.because}${caveat}` : 'This payer’s policy does not address these two codes together.',
          citation: cite ? { policyId: payer, section: cite.section, excerpt: cite.quote } : context.silentCitation(payer),
        });
        rows.push({
          subject: `${label(a)} + ${label(b)}`,
          payer,
          determination: cite ? rule.verdict : 'not_addressed',
          reason: cite ? `${rule.because}${caveat}` : 'not addressed by this payer’s policy',
        });
      }
    }
  }
  const count = (d: Determination) => rows.filter((r) => r.determination === d).length;
  const summary = `${lines.length} line(s) checked for ${context.date}: ${count('do_not_bill')} do not bill, ${count('bundled')} bundled, ${count('separately_billable')} separately billable, ${count('not_addressed')} not addressed.`;
  return { findings, rows, summary };
}

function lineVerdict(
  table: CodeTable,
  line: CodeMention,
  state: ReturnType<typeof codeStatus>['state'],
  context: ClaimContext,
): { determination: Determination; reason: string; rule: string } | undefined {
  const entry = table.codes[line.code];
  if (!entry) return undefined;
  if (state === 'deleted') {
    const instead = context.currentCodes(line.code);
    return {
      determination: 'do_not_bill',
      rule: 'deleted',
      reason: `${line.code} is not valid on ${context.date} (last valid ${entry.validTo})${instead.length ? `; use ${instead.join(' or ')}` : ''}.`,
    };
  }
  if (state === 'not_yet_valid') {
    return { determination: 'do_not_bill', rule: 'not-yet-valid', reason: `${line.code} is not valid until ${entry.validFrom}.` };
  }
  const professionalOnly = table.changes.some((c) => c.effective <= context.date && c.codes.includes('77387'));
  if (line.code === '77387' && line.modifier === 'TC' && professionalOnly) {
    return {
      determination: 'do_not_bill',
      rule: 'professional-only',
      reason: `From 2026 77387 is professional-only; a technical component (-TC) is not reported on ${context.date}.`,
    };
  }
  if (entry.setting && context.setting && entry.setting !== context.setting) {
    return {
      determination: 'do_not_bill',
      rule: 'wrong-setting',
      reason: `${line.code} belongs to the ${entry.setting === 'office_freestanding' ? 'MPFS/HCPCS (office, freestanding)' : 'hospital outpatient'} setting, not this claim's.`,
    };
  }
  if (entry.kind === 'igrt')
    return { determination: 'info', rule: 'valid', reason: `${line.code} is valid on ${context.date}: ${entry.description}` };
  return { determination: 'info', rule: 'valid', reason: `${line.code}: ${entry.description}` };
}
