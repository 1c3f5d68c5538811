import type { Determination, Question } from '../contract/determination.js';
import { evaluateCondition, firstOpenFact, type Scope } from './condition.js';
import type { Corpus, Policy } from './corpus.js';
import { type Decision, decide, decideQuickly, firmRule, type RuleTrace } from './decide.js';
import { completions } from './enumerate.js';
import { domain, type Facts, type FactValue } from './facts.js';
import type { Rule } from './schema.js';
import { factsOf } from './walk-condition.js';

/**
 * What the case's facts are. Facts named in `conflicts` were stated in contradictory or
 * doubtful ways: they are unknown, with no default standing in. `excluded` lists enum values
 * the asker ruled out.
 */
export interface CaseFacts {
  readonly facts: Facts;
  readonly conflicts?: readonly string[];
  readonly excluded?: Readonly<Record<string, readonly string[]>>;
}

/** One policy's finding for one question, with everything needed to explain it. */
export interface Evaluation {
  readonly policyId: string;
  readonly question: Question;
  readonly determination: Determination;
  readonly missing: readonly string[];
  readonly ruleId: string;
  readonly section: string;
  readonly quote?: string;
  readonly reason: string;
  readonly trace: readonly RuleTrace[];
  /** Facts the answer took from their default (contract: prior irradiation absent, adult, …). */
  readonly assumed: readonly { fact: string; value: FactValue }[];
  readonly notes: readonly { id: string; section: string; text: string }[];
  readonly conflicts: readonly string[];
}

/** Evaluates one policy's decision list for a question. Pure and total: every input gets a finding. */
export function evaluate(corpus: Corpus, policyId: string, question: Question, input: CaseFacts): Evaluation {
  const policy = corpus.policies.get(policyId);
  if (!policy) throw new Error(`unknown policy "${policyId}"`);
  const rules = policy.rules.questions[question] ?? [];
  const conflicts = input.conflicts ?? [];
  const stated = withoutKeys(input.facts, conflicts);
  const facts = withDefaults(corpus, stated, conflicts, input.excluded);
  const scope: Scope = { facts, stated, table: corpus.facts, ...(input.excluded ? { excluded: input.excluded } : {}) };

  const decision = resolve(rules, scope, corpus);
  const base = {
    policyId,
    question,
    trace: decision.trace,
    notes: notesFor(policy, scope),
    conflicts,
    assumed: decision.kind === 'decided' ? assumptionsThatMatter(corpus, rules, scope, decision.rule) : [],
  };
  if (decision.kind === 'decided') {
    const { rule } = decision;
    return {
      ...base,
      determination: rule.decision,
      missing: [],
      ruleId: rule.id,
      section: rule.section,
      reason: rule.because,
      ...quoteOf(rule),
    };
  }
  if (decision.kind === 'none') {
    const section = policy.doc.sections[0]?.id ?? '';
    return {
      ...base,
      determination: 'not_addressed',
      missing: [],
      ruleId: `${policyId}.${question}.no-rule`,
      section,
      reason: 'The policy has no statement that covers this case.',
    };
  }
  // Ask in the fact table's order (modality before diagnosis before set-up details).
  const order = Object.keys(corpus.facts);
  const missing = [...new Set(decision.candidates.flatMap((rule) => firstOpenFact(rule.when, scope) ?? []))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  // Cite what the first question is about: the rules waiting on that fact, or the section
  // that lists them all (II for II.B–II.P) when several wait on it.
  const waiting = decision.candidates.filter((rule) => firstOpenFact(rule.when, scope) === missing[0]);
  const first = (waiting[0] ?? decision.candidates[0]) as Rule;
  const parent = commonParent(
    policy,
    waiting.map((rule) => rule.section),
  );
  return {
    ...base,
    determination: 'needs_info',
    missing,
    ruleId: first.id,
    section: parent ?? first.section,
    reason: `The answer turns on facts not given: ${missing.map((f) => corpus.facts[f]?.label ?? f).join('; ')}.`,
    ...(parent ? {} : quoteOf(first)),
  };
}

function commonParent(policy: Policy, sections: readonly string[]): string | undefined {
  const distinct = [...new Set(sections)];
  if (distinct.length < 2) return undefined;
  const parents = new Set(distinct.map((id) => id.slice(0, Math.max(0, id.lastIndexOf('.')))));
  const [parent] = parents;
  return parents.size === 1 && parent && policy.sections.has(parent) ? parent : undefined;
}

function quoteOf(rule: Rule): { quote?: string } {
  return rule.quote === undefined ? {} : { quote: rule.quote };
}

function withoutKeys(facts: Facts, keys: readonly string[]): Facts {
  const kept: Record<string, FactValue> = {};
  for (const key of Object.keys(facts)) {
    const value = facts[key];
    if (value !== undefined && !keys.includes(key)) kept[key] = value;
  }
  return kept;
}

const defaultsCache = new WeakMap<Corpus, Facts>();

function withDefaults(corpus: Corpus, stated: Facts, conflicts: readonly string[], excluded: CaseFacts['excluded'] = {}): Facts {
  let defaults = defaultsCache.get(corpus);
  if (!defaults) {
    defaults = Object.fromEntries(
      Object.entries(corpus.facts).flatMap(([name, def]) =>
        'default' in def && def.default !== undefined ? [[name, def.default]] : [],
      ),
    );
    defaultsCache.set(corpus, defaults);
  }
  const facts: Record<string, FactValue> = { ...defaults, ...stated };
  // A contradicted fact is unknown: no default stands in for it, nor a ruled-out one ("not an adult").
  for (const fact of conflicts) delete facts[fact];
  for (const [fact, values] of Object.entries(excluded)) {
    if (stated[fact] === undefined && values.includes(String(facts[fact]))) delete facts[fact];
  }
  return facts;
}

/**
 * A list that stays open may still be settled: when the open facts are correlated (curative
 * vs palliative), every possible combination of them can lead to the same determination.
 */
function resolve(rules: readonly Rule[], scope: Scope, corpus: Corpus): Decision {
  const decision = decide(rules, scope);
  if (decision.kind !== 'open') return decision;
  const settled = settleByCases(rules, scope, corpus, decision.candidates);
  return settled ? { kind: 'decided', rule: settled, trace: decision.trace } : decision;
}

/**
 * The rule that decides in every completion of the open facts with one determination, if any;
 * of several such rules, the one deciding the most completions (the first found on a tie).
 * Completions a partial assignment already settles are counted, not walked.
 */
function settleByCases(rules: readonly Rule[], scope: Scope, corpus: Corpus, candidates: readonly Rule[]): Rule | undefined {
  const open = [...new Set(candidates.flatMap((rule) => factsOf(rule.when)))].filter((fact) => scope.facts[fact] === undefined);
  const withValues = (values: Readonly<Record<string, FactValue>>): Scope => ({ ...scope, facts: { ...scope.facts, ...values } });
  const cases = completions(corpus.facts, open, scope.excluded, (values) => firmRule(rules, withValues(values)) !== undefined);
  if (!cases) return undefined;
  const counts = new Map<Rule, number>();
  let decision: Rule['decision'] | undefined;
  for (const { values, weight } of cases) {
    const outcome = decideQuickly(rules, withValues(values));
    // One open or differing case is enough to keep the question open.
    if (outcome.kind !== 'decided' || (decision !== undefined && outcome.rule.decision !== decision)) return undefined;
    decision = outcome.rule.decision;
    counts.set(outcome.rule, (counts.get(outcome.rule) ?? 0) + weight);
  }
  let best: Rule | undefined;
  for (const [rule, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = rule;
  return best;
}

/**
 * Defaults worth saying out loud: those whose other values would change the answer or leave
 * it open (where PTV near prior radiation would make palliative 3DCRT necessary, say).
 */
function assumptionsThatMatter(corpus: Corpus, rules: readonly Rule[], scope: Scope, decided: Rule) {
  const assumed: { fact: string; value: FactValue }[] = [];
  const read = referencedFacts(rules);
  // One copy of the facts for every trial, each other value set in it and the default put back
  // after: a copy of all the facts per value tried was most of what an evaluation allocated.
  let trial: { facts: Record<string, FactValue>; scope: Scope } | undefined;
  for (const { name, values } of sayable(corpus)) {
    const value = scope.facts[name];
    if (!read.has(name) || scope.stated[name] !== undefined || value === undefined) continue;
    if (!trial) {
      const facts = { ...scope.facts };
      trial = { facts, scope: { ...scope, facts } };
    }
    let changes = false;
    for (const other of values) {
      if (other === value) continue;
      trial.facts[name] = other;
      const outcome = decideQuickly(rules, trial.scope);
      if (outcome.kind !== 'decided' || outcome.rule.decision !== decided.decision) {
        changes = true;
        break;
      }
    }
    trial.facts[name] = value;
    if (changes) assumed.push({ fact: name, value });
  }
  return assumed;
}

const sayables = new WeakMap<Corpus, readonly { name: string; values: readonly FactValue[] }[]>();

/** The facts worth saying when assumed, in the fact table's order, with every value each can take. */
function sayable(corpus: Corpus): readonly { name: string; values: readonly FactValue[] }[] {
  let list = sayables.get(corpus);
  if (!list) {
    list = Object.entries(corpus.facts).flatMap(([name, def]) =>
      def.sayWhenAssumed ? [{ name, values: domain(def) ?? [] }] : [],
    );
    sayables.set(corpus, list);
  }
  return list;
}

const referenced = new WeakMap<readonly Rule[], ReadonlySet<string>>();

function referencedFacts(rules: readonly Rule[]): ReadonlySet<string> {
  let facts = referenced.get(rules);
  if (!facts) {
    facts = new Set(rules.flatMap((rule) => factsOf(rule.when)));
    referenced.set(rules, facts);
  }
  return facts;
}

function notesFor(policy: Policy, scope: Scope) {
  return policy.rules.notes
    .filter((note) => evaluateCondition(note.when, scope) === 'met')
    .map(({ id, section, text }) => ({ id, section, text }));
}
