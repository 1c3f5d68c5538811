import { evaluateCondition, type LeafTrace, type Scope } from './condition.js';
import type { Truth } from './kleene.js';
import type { Rule } from './schema.js';

/** What one rule came to, with each of its leaf tests: the finding's explanation. */
export interface RuleTrace {
  readonly ruleId: string;
  readonly section: string;
  readonly decision: Rule['decision'];
  readonly value: Truth;
  readonly conditions: readonly LeafTrace[];
}

/** A decision list's outcome: one rule decides, or some rules stay open on unknown facts. */
export type Decision =
  | { readonly kind: 'decided'; readonly rule: Rule; readonly trace: RuleTrace[] }
  | { readonly kind: 'open'; readonly candidates: readonly Rule[]; readonly trace: RuleTrace[] }
  | { readonly kind: 'none'; readonly trace: RuleTrace[] };

/**
 * Reads a decision list: the first rule that is met decides, unless a rule before it is
 * unknown; then every rule that could still decide is a candidate, and if they all agree on
 * the determination the answer stands anyway.
 */
export function decide(rules: readonly Rule[], scope: Scope): Decision {
  const trace = rules.map((rule): RuleTrace => {
    const conditions: LeafTrace[] = [];
    const value = evaluateCondition(rule.when, scope, conditions);
    return { ruleId: rule.id, section: rule.section, decision: rule.decision, value, conditions };
  });
  const outcome = readList(rules, (i) => trace[i]?.value ?? 'unknown');
  return { ...outcome, trace };
}

/** The same reading without a trace, for the many hypothetical cases of an enumeration. */
export function decideQuickly(rules: readonly Rule[], scope: Scope): Outcome {
  const values = new Map<number, Truth>();
  return readList(rules, (i) => {
    let value = values.get(i);
    if (value === undefined) {
      value = evaluateCondition((rules[i] as Rule).when, scope);
      values.set(i, value);
    }
    return value;
  });
}

/**
 * The rule that decides however the facts still unknown turn out, null when no rule can ever
 * be met, undefined when more facts could change which rule decides. Three-valued logic is
 * monotone — a met or not-met condition stays so as unknown facts become known — so a list
 * whose first rule not ruled out is met is settled, rule and all.
 */
export function firmRule(rules: readonly Rule[], scope: Scope): Rule | null | undefined {
  for (const rule of rules) {
    const value = evaluateCondition(rule.when, scope);
    if (value === 'met') return rule;
    if (value === 'unknown') return undefined;
  }
  return null;
}

/** A decision list's outcome without its trace. */
export type Outcome = { kind: 'decided'; rule: Rule } | { kind: 'open'; candidates: readonly Rule[] } | { kind: 'none' };

function readList(rules: readonly Rule[], truthOf: (i: number) => Truth): Outcome {
  const candidates: Rule[] = [];
  for (const [i, rule] of rules.entries()) {
    const value = truthOf(i);
    if (value === 'not_met') continue;
    if (value === 'met' && candidates.length === 0) return { kind: 'decided', rule };
    candidates.push(rule);
    if (value === 'met') break;
  }
  if (candidates.length === 0) return { kind: 'none' };
  const settled = candidates.at(-1) as Rule;
  const metLast = truthOf(rules.indexOf(settled)) === 'met';
  if (metLast && candidates.every((rule) => rule.decision === settled.decision)) return { kind: 'decided', rule: settled };
  return { kind: 'open', candidates };
}
