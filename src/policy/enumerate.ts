import { domain, type FactValue } from './facts.js';
import type { FactDef } from './schema.js';

/** Beyond this many combinations the answer stays open: asking is cheaper than searching. */
const MAX_COMBINATIONS = 2048;

/**
 * Runs `outcome` for every combination of values of the given facts; undefined when a fact
 * cannot be enumerated or there are too many combinations.
 */
export function enumerateCompletions<T>(
  table: Readonly<Record<string, FactDef>>,
  facts: readonly string[],
  outcome: (values: Record<string, FactValue>) => T,
): T[] | undefined {
  const domains: [string, FactValue[]][] = [];
  let size = 1;
  for (const fact of facts) {
    const def = table[fact];
    const values = def ? domain(def) : undefined;
    if (!values) return undefined;
    size *= values.length;
    if (size > MAX_COMBINATIONS) return undefined;
    domains.push([fact, values]);
  }
  const results: T[] = [];
  const walk = (i: number, values: Record<string, FactValue>) => {
    const entry = domains[i];
    if (!entry) {
      results.push(outcome(values));
      return;
    }
    for (const value of entry[1]) walk(i + 1, { ...values, [entry[0]]: value });
  };
  walk(0, {});
  return results;
}
