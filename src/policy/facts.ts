import type { FactDef } from './schema.js';

/** A fact's value: an enum value, a yes/no, or a list of codes. */
export type FactValue = string | boolean | readonly string[];
/** What is known about a case; a fact that is absent is unknown. */
export type Facts = Readonly<Record<string, FactValue>>;

const ancestorCache = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/** Enum values a value belongs to, itself included (rectal → rectal, pelvic); cached per fact. */
export function ancestors(def: Extract<FactDef, { kind: 'enum' }>, value: string): ReadonlySet<string> {
  let cache = ancestorCache.get(def);
  if (!cache) {
    cache = new Map();
    ancestorCache.set(def, cache);
  }
  const cached = cache.get(value);
  if (cached) return cached;
  const found = new Set<string>();
  const visit = (v: string) => {
    if (found.has(v)) return;
    found.add(v);
    for (const parent of def.values[v]?.isA ?? []) visit(parent);
  };
  visit(value);
  cache.set(value, found);
  return found;
}

/** How a person reads a fact's value: the enum value's label, else the value itself. */
export function valueLabel(facts: Readonly<Record<string, FactDef>>, fact: string, value: FactValue): string {
  const def = facts[fact];
  return def?.kind === 'enum' ? (def.values[String(value)]?.label ?? String(value)) : String(value);
}

/** Every value an enum fact can take; booleans are true/false; codes cannot be enumerated. */
export function domain(def: FactDef): FactValue[] | undefined {
  if (def.kind === 'boolean') return [true, false];
  if (def.kind === 'enum') return Object.keys(def.values);
  return undefined;
}

/**
 * The values an enum fact may still take: those at or under `given` (every value when it is
 * unknown), less the ruled-out values and everything under them ("not prone" rules out prone
 * on a belly board too).
 */
export function possibleValues(
  def: Extract<FactDef, { kind: 'enum' }>,
  given: string | undefined,
  excluded: readonly string[] = [],
): string[] {
  return Object.keys(def.values).filter((value) => {
    const above = ancestors(def, value);
    return (given === undefined || above.has(given)) && !excluded.some((out) => above.has(out));
  });
}
