import type { Condition } from './schema.js';

/** The leaves of a condition tree, in reading order. */
export function leaves(condition: Condition): Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}

/** The fact names a condition reads, in reading order, without repeats. */
export function factsOf(condition: Condition): string[] {
  return [...new Set(leaves(condition).map((leaf) => leaf.fact))];
}
