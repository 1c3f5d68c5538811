import { changeNotes } from '../codes/changes.js';
import { datedProblem } from '../codes/dated.js';
import { datedCheck, lineFinding } from '../codes/index.js';
import { asSetting } from '../codes/question.js';
import type { Setting } from '../codes/schema.js';
import type { Turn } from '../context/merge.js';
import type { Answer, DateUsed, Finding } from '../contract/answer.js';
import type { Question } from '../contract/determination.js';
import type { Corpus } from '../policy/corpus.js';
import type { CaseFacts } from '../policy/evaluate.js';
import { ancestors } from '../policy/facts.js';
import { DETERMINATION_WORDS } from '../render/words.js';
import { describeConfirms, describeConflicts, describeFacts } from './describe-facts.js';
import { findingFor } from './findings.js';
import { followUpFor } from './follow-up.js';
import type { Pipeline } from './pipeline.js';

/** Answers coverage, billing and compare questions: one finding per payer, evaluated over the turn's facts. */
export function caseAnswer(pipeline: Pipeline, turn: Turn, query: string, billingWords: boolean, date: DateUsed): Answer {
  const everyPayer = [...pipeline.corpus.policies.keys()];
  // "Compare with <payer B>" in a thread about payer A still means both sides.
  const payers = turn.payers.length > 0 && !(turn.intent === 'compare' && turn.payers.length < 2) ? turn.payers : everyPayer;
  const question: Question = turn.intent === 'billing' || (turn.intent === 'compare' && billingWords) ? 'billing' : 'necessity';
  // Doubtful readings are unknown, like contradictions: the evaluator decides without them when
  // it can, and asks about them when they would change the answer.
  const input: CaseFacts = {
    facts: { ...turn.facts, ...turn.whatIf },
    conflicts: [...turn.conflicts.map((c) => c.fact), ...turn.unsure.map((u) => u.fact)],
    excluded: { ...turn.excluded, ...onlyTheValuesGiven(pipeline.corpus, turn) },
  };
  const codes = Array.isArray(turn.facts.codes) ? turn.facts.codes.map(String) : [];
  const setting = asSetting(turn.facts.setting);
  // A stated date of service decides whether the codes asked about can be billed at all; with
  // none, the policy's answer stands and the lead says what today's code set would change.
  const stated = date.from !== 'today';
  const findings = payers
    .map((payer) =>
      question === 'billing'
        ? billingFinding(pipeline, payer, input, query)
        : findingFor(pipeline, payer, 'necessity', input, query),
    )
    .map((finding) => withCodeChanges(pipeline, finding, question === 'billing' ? codes : [], date.date))
    .map((finding) => (question === 'billing' && stated ? barredOnDate(pipeline, finding, codes, date.date, setting) : finding));
  const lead = question === 'billing' ? invalidCodes(pipeline, codes, setting, date) : [];
  const open = findings.find((f) => f.determination === 'needs_info');
  const nextFact = open?.missing[0];
  const followUp = nextFact ? followUpFor(pipeline, nextFact) : undefined;

  return {
    intent: turn.intent,
    findings,
    text: '',
    facts: turn.facts,
    understood: describeFacts(pipeline.corpus, turn),
    conflicts: describeConflicts(pipeline.corpus, turn, findings),
    confirm: describeConfirms(pipeline.corpus, turn, new Set(findings.flatMap((f) => f.missing))),
    ...(question === 'billing' ? { dateOfService: date } : {}),
    ...(lead.length > 0 ? { lead } : {}),
    ...(followUp ? { followUp } : {}),
  };
}

/**
 * A fact given two values ("pelvic … prostate") is one of them: every other value is ruled out,
 * so the evaluator answers when both lead to the same finding and asks only when they differ.
 * A value's ancestors and descendants stay possible ("pelvic" may be the rectal case).
 */
function onlyTheValuesGiven(corpus: Corpus, turn: Turn): Record<string, string[]> {
  const excluded: Record<string, string[]> = {};
  for (const { fact, values } of turn.conflicts) {
    const def = corpus.facts[fact];
    if (def?.kind !== 'enum') continue;
    const given = values.map(String);
    const related = (value: string) =>
      given.some((g) => g === value || ancestors(def, g).has(value) || ancestors(def, value).has(g));
    excluded[fact] = [...(turn.excluded[fact] ?? []), ...Object.keys(def.values).filter((value) => !related(value))];
  }
  return excluded;
}

/**
 * Billing follows the coding statements, with one precedence rule kept here: a code the
 * policy would let you bill is still not billable when the policy finds IGRT not medically
 * necessary for the case, and the finding says that reason (not_medically_necessary), as a
 * coding statement's refusal says its own (do_not_bill).
 */
function billingFinding(pipeline: Pipeline, payer: string, input: CaseFacts, query: string): Finding {
  const billing = findingFor(pipeline, payer, 'billing', input, query);
  if (billing.determination !== 'separately_billable') return billing;
  const necessity = findingFor(pipeline, payer, 'necessity', input, query);
  if (necessity.determination === 'not_medically_necessary') {
    return { ...necessity, reason: `${necessity.reason} So IGRT should not be billed for this case.` };
  }
  if (necessity.determination === 'needs_info') {
    return {
      ...billing,
      notes: [
        ...billing.notes,
        `Billable only when IGRT is medically necessary for the case; that turns on: ${necessity.missing.join(', ')}.`,
      ],
    };
  }
  return billing;
}

/**
 * The question's codes that are not valid on the date of service (deleted, replaced, not yet
 * valid), each said with what to report instead: that leads the answer. With no date of service
 * stated it is said of today, and the answer below is the policy's for a date the code was valid.
 */
function invalidCodes(pipeline: Pipeline, codes: readonly string[], setting: Setting | undefined, date: DateUsed): string[] {
  const problems = codes.flatMap((code) => {
    const problem = datedProblem(pipeline.codes, { code }, { dateOfService: date.date, ...(setting ? { setting } : {}) });
    return problem ? [problem] : [];
  });
  if (date.from !== 'today') return problems.map((p) => `Not valid on the date of service: ${p.reason}`);
  return problems.map(
    (p) =>
      `No date of service given, so today: ${p.reason} The answer below is the policy's, for a date of service when ${p.code} was valid; give the date of service for a definite answer.`,
  );
}

/**
 * A billing finding for codes that cannot be reported on the date of service: do not bill, on
 * the same grounds a claim check gives the line (one place decides), with what the policy itself
 * says kept as a note, since it still answers for dates when the code was valid.
 */
function barredOnDate(
  pipeline: Pipeline,
  finding: Finding,
  codes: readonly string[],
  date: string,
  setting: Setting | undefined,
): Finding {
  const question = { payer: finding.payer, dateOfService: date, ...(setting ? { setting } : {}) };
  const checks = codes.flatMap((code) => datedCheck(pipeline.codes, { code }, question) ?? []);
  const [first] = checks;
  if (!first) return finding;
  const barred = lineFinding(first);
  const { words } = DETERMINATION_WORDS[finding.determination];
  const codeList = checks.map((c) => c.line.code).join(', ');
  return {
    ...barred,
    subject: codeList,
    reason: `${checks.map((c) => c.reason).join(' ')} So ${codeList} should not be billed for this date of service.`,
    notes: [
      `For a date of service when ${codeList} ${checks.length > 1 ? 'were' : 'was'} valid, the policy's answer: ${words} — ${finding.reason}`,
      ...new Set(checks.flatMap((c) => c.notes)),
    ],
    changes: [...new Set([...checks.flatMap((c) => c.changes), ...finding.changes])],
    trace: finding.trace,
  };
}

/** Adds the marked note of a later code-set change when the finding rests on coding text it affects. */
function withCodeChanges(pipeline: Pipeline, finding: Finding, codes: readonly string[], date: string): Finding {
  const notes = changeNotes(pipeline.codes, pipeline.corpus, {
    codes,
    sections: [`${finding.citation.policyId}:${finding.citation.section}`],
    date,
    payer: finding.payer,
  });
  return notes.length > 0 ? { ...finding, changes: [...finding.changes, ...notes] } : finding;
}
