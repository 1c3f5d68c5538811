import { domain, type FactValue, possibleValues } from './facts.js';
import type { FactDef } from './schema.js';

/** Beyond this many combinations the answer stays open: asking is cheaper than searching. */
const MAX_COMBINATIONS = 2048;

/**
 * Every combination of values of the given facts, lazily, so a caller can stop at the first
 * that settles its question; undefined when a fact cannot be enumerated or there are too many.
 */
export function completions(
  table: Readonly<Record<string, FactDef>>,
  facts: readonly string[],
  excluded: Readonly<Record<string, readonly string[]>> = {},
): Iterable<Record<string, FactValue>> | undefined {
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
  function* walk(i: number, values: Record<string, FactValue>): Generator<Record<string, FactValue>> {
    const entry = domains[i];
    if (!entry) {
      yield values;
      return;
    }
    for (const value of entry[1]) yield* walk(i + 1, { ...values, [entry[0]]: value });
  }
  return walk(0, {});
}
