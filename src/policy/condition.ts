import { ancestors, type Facts, type FactValue, possibleValues } from './facts.js';
import { and, not, or, type Truth } from './kleene.js';
import type { Condition, FactDef } from './schema.js';

/** One leaf test and what it came to, for the finding's trace. */
export interface LeafTrace {
  readonly fact: string;
  readonly test: string;
  readonly value: Truth;
  readonly given?: FactValue;
}

/** Where a condition is read: the facts in force and the facts the asker actually stated. */
export interface Scope {
  readonly facts: Facts;
  readonly stated: Facts;
  readonly table: Readonly<Record<string, FactDef>>;
  /** Enum values the asker ruled out ("not prone"). */
  readonly excluded?: Readonly<Record<string, readonly string[]>>;
}

/** Evaluates a condition in three-valued logic, collecting each leaf's value. */
export function evaluateCondition(condition: Condition, scope: Scope, trace?: LeafTrace[]): Truth {
  if ('all' in condition) return and(condition.all.map((c) => evaluateCondition(c, scope, trace)));
  if ('any' in condition) return or(condition.any.map((c) => evaluateCondition(c, scope, trace)));
  if ('not' in condition) return not(evaluateCondition(condition.not, scope, trace));
  const { value, test } = leafValue(condition, scope);
  const given = 'unknown' in condition ? scope.stated[condition.fact] : scope.facts[condition.fact];
  trace?.push(given === undefined ? { fact: condition.fact, test, value } : { fact: condition.fact, test, value, given });
  return value;
}

/** The first fact whose answer would move this condition off "unknown", reading in order. */
export function firstOpenFact(condition: Condition, scope: Scope): string | undefined {
  if ('all' in condition || 'any' in condition) {
    const children = 'all' in condition ? condition.all : condition.any;
    for (const child of children) {
      if (evaluateCondition(child, scope) !== 'unknown') continue;
      const open = firstOpenFact(child, scope);
      if (open) return open;
    }
    return undefined;
  }
  if ('not' in condition) return firstOpenFact(condition.not, scope);
  return leafValue(condition, scope).value === 'unknown' ? condition.fact : undefined;
}

type Leaf = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;

function leafValue(leaf: Leaf, scope: Scope): { value: Truth; test: string } {
  if ('unknown' in leaf) {
    return { value: scope.stated[leaf.fact] === undefined ? 'met' : 'not_met', test: 'not stated' };
  }
  const given = scope.facts[leaf.fact];
  if ('is' in leaf) {
    const value: Truth = given === undefined ? 'unknown' : given === leaf.is ? 'met' : 'not_met';
    return { value, test: `is ${leaf.is}` };
  }
  if ('has' in leaf) {
    const codes = Array.isArray(given) ? given : [];
    const value: Truth = leaf.has.some((code) => codes.includes(code)) ? 'met' : 'not_met';
    return { value, test: `includes any of ${leaf.has.join(', ')}` };
  }
  const test = `in ${leaf.in.join(', ')}`;
  const def = scope.table[leaf.fact];
  if (def?.kind !== 'enum' || (given !== undefined && typeof given !== 'string')) return { value: 'unknown', test };
  const excluded = scope.excluded?.[leaf.fact];
  if (typeof given === 'string') {
    if (leaf.in.some((v) => ancestors(def, given).has(v))) return { value: 'met', test };
    // A value more general than the one asked for (prone vs prone on a belly board) leaves it
    // open, unless what is left of it once the ruled-out values go settles it.
    const narrower = leaf.in.some((v) => ancestors(def, v).has(given));
    if (!narrower) return { value: 'not_met', test };
    if (!excluded) return { value: 'unknown', test };
  } else if (!excluded) return { value: 'unknown', test };
  const left = possibleValues(def, given, excluded);
  const meets = left.filter((value) => leaf.in.some((v) => ancestors(def, value).has(v))).length;
  const value: Truth = left.length === 0 || (meets > 0 && meets < left.length) ? 'unknown' : meets > 0 ? 'met' : 'not_met';
  return { value, test };
}
