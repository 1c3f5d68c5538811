import { domain, type FactValue, possibleValues } from './facts.js';
import type { FactDef } from './schema.js';

/** Beyond this many combinations the answer stays open: asking is cheaper than searching. */
const MAX_COMBINATIONS = 2048;

/** One case of an enumeration: values for some of the facts, standing for `weight` full combinations. */
export interface Completion {
  readonly values: Readonly<Record<string, FactValue>>;
  /** How many full combinations agree with `values` (1 unless `settles` cut the walk short). */
  readonly weight: number;
}

/**
 * Every combination of values of the given facts, lazily and in order (the first fact varies
 * slowest), so a caller can stop at the first that settles its question; undefined when a fact
 * cannot be enumerated or there are too many.
 *
 * `settles`, when given, is asked about each partial assignment: when it says the facts not yet
 * assigned cannot change the outcome, the walk yields that partial case once, weighted by the
 * combinations it stands for, instead of every one of them. The walk is then bounded by the
 * facts that can change the answer, not by the product of every open fact's values.
 */
export function completions(
  table: Readonly<Record<string, FactDef>>,
  facts: readonly string[],
  excluded: Readonly<Record<string, readonly string[]>> = {},
  settles: (values: Readonly<Record<string, FactValue>>) => boolean = () => false,
): Iterable<Completion> | undefined {
  const domains: [string, FactValue[]][] = [];
  let size = 1;
  for (const fact of facts) {
    const def = table[fact];
    const out = excluded[fact];
    const values = def?.kind === 'enum' && out ? possibleValues(def, undefined, out) : def ? domain(def) : undefined;
    if (!values) return undefined;
    size *= values.length;
    if (size > MAX_COMBINATIONS) return undefined;
    domains.push([fact, values]);
  }
  // Combinations below each depth: the weight of a case cut short there.
  const below = domains.map((_, i) => domains.slice(i).reduce((n, [, values]) => n * values.length, 1));
  function* walk(i: number, values: Record<string, FactValue>): Generator<Completion> {
    const entry = domains[i];
    if (!entry) {
      yield { values, weight: 1 };
      return;
    }
    if (i > 0 && below[i] !== 0 && settles(values)) {
      yield { values, weight: below[i] as number };
      return;
    }
    for (const value of entry[1]) yield* walk(i + 1, { ...values, [entry[0]]: value });
  }
  return walk(0, {});
}
