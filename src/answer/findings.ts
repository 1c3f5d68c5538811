import type { Finding } from '../contract/answer.js';
import type { Question } from '../contract/determination.js';
import { type CaseFacts, type Evaluation, evaluate } from '../policy/evaluate.js';
import { type FactValue, valueLabel } from '../policy/facts.js';
import { excerptFor } from '../retrieve/excerpt.js';
import type { Pipeline } from './pipeline.js';

/** Evaluates one payer's policy and turns the result into a contract Finding with its excerpt. */
export function findingFor(pipeline: Pipeline, payer: string, question: Question, input: CaseFacts, query: string): Finding {
  const evaluation = evaluate(pipeline.corpus, payer, question, input);
  return toFinding(pipeline, payer, evaluation, query);
}

function toFinding(pipeline: Pipeline, payer: string, e: Evaluation, query: string): Finding {
  const excerpt = excerptFor(
    pipeline.index,
    pipeline.passages,
    { policyId: e.policyId, section: e.section, ...(e.quote ? { quote: e.quote } : {}) },
    query,
  );
  return {
    payer,
    determination: e.determination,
    missing: [...e.missing],
    ruleId: e.ruleId,
    citation: { policyId: e.policyId, section: e.section, excerpt },
    reason: e.reason,
    assumed: e.assumed.map((a) => assumption(pipeline, a.fact, a.value)),
    notes: e.notes.map((n) => n.text),
    changes: [],
    trace: e.trace.map((t) => ({ ...t, conditions: [...t.conditions] })),
  };
}

function assumption(pipeline: Pipeline, fact: string, value: unknown): string {
  const def = pipeline.corpus.facts[fact];
  const label = def?.label ?? fact;
  if (def?.kind === 'boolean') {
    return `${label}: taken as ${value ? 'yes' : 'no'} because the question did not say — the answer may change if it is ${value ? 'not' : 'so'}.`;
  }
  return `${label}: taken as ${valueLabel(pipeline.corpus.facts, fact, value as FactValue)} because the question did not say — tell me if that is wrong.`;
}
