import { ancestors, type Facts, type FactValue, possibleValues } from './facts.js';
import { not, type Truth } from './kleene.js';
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

/**
 * Evaluates a condition in three-valued logic, collecting each leaf's value. Without a trace
 * a list stops at its first deciding child; with one every leaf is read, for the explanation.
 */
export function evaluateCondition(condition: Condition, scope: Scope, trace?: LeafTrace[]): Truth {
  if ('all' in condition) return list(condition.all, 'not_met', scope, trace);
  if ('any' in condition) return list(condition.any, 'met', scope, trace);
  if ('not' in condition) return not(evaluateCondition(condition.not, scope, trace));
  const value = leafValue(condition, scope);
  if (trace) {
    const test = leafTest(condition);
    const given = 'unknown' in condition ? scope.stated[condition.fact] : scope.facts[condition.fact];
    trace.push(given === undefined ? { fact: condition.fact, test, value } : { fact: condition.fact, test, value, given });
  }
  return value;
}

/** A list in Kleene's logic: one `decisive` child settles it (not_met for all, met for any), else any unknown child leaves it unknown. */
function list(children: readonly Condition[], decisive: Truth, scope: Scope, trace?: LeafTrace[]): Truth {
  const otherwise: Truth = decisive === 'met' ? 'not_met' : 'met';
  let result: Truth = otherwise;
  for (const child of children) {
    const value = evaluateCondition(child, scope, trace);
    if (value === decisive) {
      result = decisive;
      if (!trace) break;
    } else if (value === 'unknown' && result === otherwise) result = 'unknown';
  }
  return result;
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
  return leafValue(condition, scope) === 'unknown' ? condition.fact : undefined;
}

type Leaf = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>;

const tests = new WeakMap<Leaf, string>();

/** How a leaf's test reads in a trace ("is palliative", "in prostate, lung"); made once per leaf. */
function leafTest(leaf: Leaf): string {
  let test = tests.get(leaf);
  if (test === undefined) {
    if ('unknown' in leaf) test = 'not stated';
    else if ('is' in leaf) test = `is ${leaf.is}`;
    else if ('has' in leaf) test = `includes any of ${leaf.has.join(', ')}`;
    else test = `in ${leaf.in.join(', ')}`;
    tests.set(leaf, test);
  }
  return test;
}

function leafValue(leaf: Leaf, scope: Scope): Truth {
  if ('unknown' in leaf) return scope.stated[leaf.fact] === undefined ? 'met' : 'not_met';
  const given = scope.facts[leaf.fact];
  if ('is' in leaf) return given === undefined ? 'unknown' : given === leaf.is ? 'met' : 'not_met';
  // Loops, not closures: leaves are read for every rule and every case the enumeration tries.
  if ('has' in leaf) {
    if (!Array.isArray(given)) return 'not_met';
    for (const code of leaf.has) if (given.includes(code)) return 'met';
    return 'not_met';
  }
  const def = scope.table[leaf.fact];
  if (def?.kind !== 'enum' || (given !== undefined && typeof given !== 'string')) return 'unknown';
  const excluded = scope.excluded?.[leaf.fact];
  if (typeof given === 'string') {
    const above = ancestors(def, given);
    for (const v of leaf.in) if (above.has(v)) return 'met';
    // A value more general than the one asked for (prone vs prone on a belly board) leaves it
    // open, unless what is left of it once the ruled-out values go settles it.
    let narrower = false;
    for (const v of leaf.in) if (ancestors(def, v).has(given)) narrower = true;
    if (!narrower) return 'not_met';
    if (!excluded) return 'unknown';
  } else if (!excluded) return 'unknown';
  const left = possibleValues(def, given, excluded);
  const meets = left.filter((value) => leaf.in.some((v) => ancestors(def, value).has(v))).length;
  return left.length === 0 || (meets > 0 && meets < left.length) ? 'unknown' : meets > 0 ? 'met' : 'not_met';
}
