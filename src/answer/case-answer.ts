import { changeNotes } from '../codes/changes.js';
import { datedProblem } from '../codes/dated.js';
import { asSetting } from '../codes/question.js';
import type { Turn } from '../context/merge.js';
import type { Answer, DateUsed, Finding } from '../contract/answer.js';
import type { Question } from '../contract/determination.js';
import type { CaseFacts } from '../policy/evaluate.js';
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
    excluded: turn.excluded,
  };
  const codes = Array.isArray(turn.facts.codes) ? turn.facts.codes.map(String) : [];
  const findings = payers
    .map((payer) =>
      question === 'billing'
        ? billingFinding(pipeline, payer, input, query)
        : findingFor(pipeline, payer, 'necessity', input, query),
    )
    .map((finding) => withCodeChanges(pipeline, finding, question === 'billing' ? codes : [], date.date));
  const lead = question === 'billing' ? invalidCodes(pipeline, codes, turn, date.date) : [];
  const open = findings.find((f) => f.determination === 'needs_info');
  const nextFact = open?.missing[0];
  const followUp = nextFact ? followUpFor(pipeline, nextFact) : undefined;

  return {
    intent: turn.intent,
    findings,
    text: '',
    facts: turn.facts,
    understood: describeFacts(pipeline.corpus, turn),
    conflicts: describeConflicts(pipeline.corpus, turn),
    confirm: describeConfirms(pipeline.corpus, turn, new Set(findings.flatMap((f) => f.missing))),
    ...(question === 'billing' ? { dateOfService: date } : {}),
    ...(lead.length > 0 ? { lead } : {}),
    ...(followUp ? { followUp } : {}),
  };
}

/**
 * Billing follows the coding statements, with one precedence rule kept here: a code the
 * policy would let you bill is still not billable when the policy finds IGRT not medically
 * necessary for the case.
 */
function billingFinding(pipeline: Pipeline, payer: string, input: CaseFacts, query: string): Finding {
  const billing = findingFor(pipeline, payer, 'billing', input, query);
  if (billing.determination !== 'separately_billable') return billing;
  const necessity = findingFor(pipeline, payer, 'necessity', input, query);
  if (necessity.determination === 'not_medically_necessary') {
    return {
      ...necessity,
      determination: 'do_not_bill',
      reason: `${necessity.reason} So IGRT should not be billed for this case.`,
    };
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
 * valid), each said with what to report instead: that leads the answer, before what the policy says.
 */
function invalidCodes(pipeline: Pipeline, codes: readonly string[], turn: Turn, date: string): string[] {
  const setting = asSetting(turn.facts.setting);
  return codes.flatMap((code) => {
    const problem = datedProblem(pipeline.codes, { code }, { dateOfService: date, ...(setting ? { setting } : {}) });
    return problem ? [`Not valid on the date of service: ${problem.reason}`] : [];
  });
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
