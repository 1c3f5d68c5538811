import type { Answer, Intent } from '../contract/answer.js';
import type { Determination } from '../contract/determination.js';
import type { GeneratedCase } from './generate.js';
import { isDefinite } from './oracle.js';
import { sameValue } from './witness.js';

/**
 * exact: the determination the evaluator gives on the facts; miss: needs_info, no finding, or
 * `info` (an answer to another intent, reported as an intent error) where the truth is a
 * case determination — unhelpful but not misleading about the case; wrong: a case
 * determination that differs — the answer would mislead, so the suite allows none.
 */
export type Outcome = 'exact' | 'miss' | 'wrong';

export interface PayerResult {
  readonly payer: string;
  readonly expected: Determination;
  readonly got: Determination | undefined;
  readonly outcome: Outcome;
}

export interface CaseResult {
  readonly case: GeneratedCase;
  readonly intent: Intent;
  readonly payers: readonly PayerResult[];
  /** Facts the parse got wrong or invented and did not ask about, and a wrong intent or payer. */
  readonly factIssues: readonly string[];
}

const WANTED_INTENT: Readonly<Record<GeneratedCase['question'], readonly Intent[]>> = {
  necessity: ['coverage', 'compare'],
  billing: ['billing', 'compare'],
};

/** Scores one answer against its case's truth. */
export function scoreCase(c: GeneratedCase, a: Answer): CaseResult {
  const payers = c.payers.map((payer): PayerResult => {
    const expected = c.expected[payer] as Determination;
    const got = a.findings.find((f) => f.payer === payer)?.determination;
    const outcome: Outcome = got === expected ? 'exact' : isDefinite(got) && got !== 'info' ? 'wrong' : 'miss';
    return { payer, expected, got, outcome };
  });
  // A fact the bot asks for is one it did not take as read: allowed (the finding is needs_info).
  const asked = new Set(a.findings.flatMap((f) => f.missing));
  const factIssues: string[] = [];
  if (!WANTED_INTENT[c.question].includes(a.intent))
    factIssues.push(`intent ${a.intent} (wanted ${WANTED_INTENT[c.question][0]})`);
  const namedPayer = c.draft.payer ? [c.policyId] : undefined;
  if (!sameValue(a.facts.payer, namedPayer)) {
    factIssues.push(`payer ${show(a.facts.payer)} (wanted ${show(namedPayer)})`);
  }
  for (const [fact, value] of Object.entries(c.facts)) {
    if (!sameValue(a.facts[fact], value) && !asked.has(fact))
      factIssues.push(`${fact}=${show(a.facts[fact])} (wanted ${show(value)})`);
  }
  for (const fact of c.absent) {
    if (a.facts[fact] !== undefined) factIssues.push(`${fact}=${show(a.facts[fact])} (wanted unstated)`);
  }
  return { case: c, intent: a.intent, payers, factIssues };
}

const show = (v: unknown) => (v === undefined ? 'unstated' : Array.isArray(v) ? v.join('+') : String(v));

/** A failing case as one readable line: rule, frame, the question, what went wrong. */
export function describeFailure(r: CaseResult): string {
  const wrong = r.payers.filter((p) => p.outcome === 'wrong').map((p) => `${p.payer}: ${p.got} (truth ${p.expected})`);
  const parts = [...wrong.map((w) => `CONFIDENTLY WRONG ${w}`), ...r.factIssues.map((f) => `parsed ${f}`)];
  return `${r.case.id} [${r.case.frameId}] "${r.case.text}" — ${parts.join('; ')}`;
}

export const failed = (r: CaseResult) => r.factIssues.length > 0 || r.payers.some((p) => p.outcome === 'wrong');

export interface Tally {
  findings: number;
  exact: number;
  miss: number;
  wrong: number;
  cases: number;
  factIssues: number;
}

/** Figures for the whole suite, per rule and per frame. */
export interface Summary {
  readonly total: Tally;
  readonly byRule: ReadonlyMap<string, Tally>;
  readonly byFrame: ReadonlyMap<string, Tally>;
}

export function summarise(results: readonly CaseResult[]): Summary {
  const empty = (): Tally => ({ findings: 0, exact: 0, miss: 0, wrong: 0, cases: 0, factIssues: 0 });
  const total = empty();
  const byRule = new Map<string, Tally>();
  const byFrame = new Map<string, Tally>();
  for (const r of results) {
    const rule = byRule.get(r.case.ruleId) ?? empty();
    const frame = byFrame.get(r.case.frameId) ?? empty();
    byRule.set(r.case.ruleId, rule);
    byFrame.set(r.case.frameId, frame);
    for (const t of [total, rule, frame]) {
      t.cases += 1;
      if (r.factIssues.length > 0) t.factIssues += 1;
      for (const p of r.payers) {
        t.findings += 1;
        t[p.outcome] += 1;
      }
    }
  }
  return { total, byRule, byFrame };
}

export const rate = (t: Tally) => (t.findings === 0 ? 0 : t.exact / t.findings);

/** The figures as text lines: one table per rule and per frame, then the totals. */
export function formatSummary(summary: Summary): string[] {
  const row = (name: string, t: Tally) =>
    `${name.padEnd(46)} ${String(t.cases).padStart(5)} ${(100 * rate(t)).toFixed(1).padStart(6)}% ${String(t.miss).padStart(5)} ${String(t.wrong).padStart(6)} ${String(t.factIssues).padStart(6)}`;
  const header = (name: string) =>
    `${name.padEnd(46)} ${'cases'.padStart(5)} ${'exact'.padStart(7)} ${'miss'.padStart(5)} ${'wrong'.padStart(6)} ${'facts'.padStart(6)}`;
  const { total } = summary;
  return [
    header('rule'),
    ...[...summary.byRule].map(([k, t]) => row(k, t)),
    '',
    header('frame'),
    ...[...summary.byFrame].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => row(k, t)),
    '',
    `cases: ${total.cases}, findings: ${total.findings}`,
    `exact: ${total.exact} (${(100 * rate(total)).toFixed(1)}%), misses (needs_info): ${total.miss}, cases with a fact parsed wrong: ${total.factIssues}`,
    `confidently wrong: ${total.wrong}`,
  ];
}
