import type { Question } from '../contract/determination.js';
import { evaluateCondition, type Scope } from '../policy/condition.js';
import type { Corpus } from '../policy/corpus.js';
import { evaluate } from '../policy/evaluate.js';
import { ancestors, domain, type Facts, type FactValue } from '../policy/facts.js';
import type { Condition, FactDef, Rule } from '../policy/schema.js';
import type { Prng } from './prng.js';

/** Facts to state, and facts to leave unstated, that settle a condition one way. */
export interface Witness {
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly absent: readonly string[];
}

type Table = Readonly<Record<string, FactDef>>;

/** Enough alternatives to vary the cases without the product of a wide `all` exploding. */
const MAX_WITNESSES = 48;

/** Ways to make a condition met: one per branch of an `any`, one per value an `in` accepts (isA included). */
export function witnesses(condition: Condition, table: Table): Witness[] {
  if ('all' in condition) return product(condition.all.map((c) => witnesses(c, table)));
  if ('any' in condition) return union(condition.any.map((c) => witnesses(c, table)));
  if ('not' in condition) return counterWitnesses(condition.not, table);
  const def = table[condition.fact];
  if ('unknown' in condition) return [{ facts: {}, absent: [condition.fact] }];
  if ('is' in condition) return [{ facts: { [condition.fact]: condition.is }, absent: [] }];
  if ('has' in condition) return condition.has.map((code) => ({ facts: { [condition.fact]: [code] }, absent: [] }));
  if (def?.kind !== 'enum') return [];
  return Object.keys(def.values)
    .filter((v) => condition.in.some((wanted) => ancestors(def, v).has(wanted)))
    .map((v) => ({ facts: { [condition.fact]: v }, absent: [] }));
}

/** Ways to make a condition not met (for `not`): the dual of `witnesses`. */
export function counterWitnesses(condition: Condition, table: Table): Witness[] {
  if ('all' in condition) return union(condition.all.map((c) => counterWitnesses(c, table)));
  if ('any' in condition) return product(condition.any.map((c) => counterWitnesses(c, table)));
  if ('not' in condition) return witnesses(condition.not, table);
  const def = table[condition.fact];
  if ('is' in condition) return [{ facts: { [condition.fact]: !condition.is }, absent: [] }];
  // A codes fact that names none of the codes: leaving codes unstated is enough.
  if ('has' in condition) return [{ facts: {}, absent: [] }];
  const values = def ? (domain(def) ?? []) : [];
  if ('unknown' in condition) return values.map((v) => ({ facts: { [condition.fact]: v }, absent: [] }));
  if (def?.kind !== 'enum') return [];
  // A value broader than one asked for leaves the leaf unknown, not false: skip it.
  return Object.keys(def.values)
    .filter((v) => !condition.in.some((wanted) => ancestors(def, v).has(wanted) || ancestors(def, wanted).has(v)))
    .map((v) => ({ facts: { [condition.fact]: v }, absent: [] }));
}

function union(lists: Witness[][]): Witness[] {
  return dedupe(lists.flat()).slice(0, MAX_WITNESSES);
}

function product(lists: Witness[][]): Witness[] {
  let acc: Witness[] = [{ facts: {}, absent: [] }];
  for (const list of lists) {
    acc = acc.flatMap((a) => list.flatMap((b) => merge(a, b) ?? [])).slice(0, MAX_WITNESSES);
  }
  return dedupe(acc);
}

/** Both witnesses at once, or undefined when they disagree on a fact. */
export function merge(a: Witness, b: Witness): Witness | undefined {
  const facts: Record<string, FactValue> = { ...a.facts };
  for (const [fact, value] of Object.entries(b.facts)) {
    if (a.absent.includes(fact)) return undefined;
    const mine = facts[fact];
    if (mine !== undefined && !sameValue(mine, value)) return undefined;
    facts[fact] = value;
  }
  if (b.absent.some((fact) => a.facts[fact] !== undefined)) return undefined;
  return { facts, absent: [...new Set([...a.absent, ...b.absent])] };
}

/** Deep equality of plain data (fact values, fact sets, determinations by payer). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function dedupe(list: Witness[]): Witness[] {
  const seen = new Map<string, Witness>();
  for (const w of list) seen.set(JSON.stringify([w.facts, [...w.absent].sort()]), w);
  return [...seen.values()];
}

/** Whether a rule's condition is met on these facts, read as the evaluator reads them (defaults filled in). */
export function meets(corpus: Corpus, condition: Condition, facts: Facts): boolean {
  const scope: Scope = { facts: { ...defaults(corpus), ...facts }, stated: facts, table: corpus.facts };
  return evaluateCondition(condition, scope) === 'met';
}

function defaults(corpus: Corpus): Facts {
  return Object.fromEntries(
    Object.entries(corpus.facts).flatMap(([name, def]) =>
      'default' in def && def.default !== undefined ? [[name, def.default]] : [],
    ),
  );
}

/** Where a rule is read: which policy, which of its decision lists. */
export interface RuleSite {
  readonly corpus: Corpus;
  readonly policyId: string;
  readonly question: Question;
  readonly rule: Rule;
}

/**
 * Adds facts to a witness until the evaluator decides with the rule's determination: each
 * fact an earlier rule still waits on gets a value that answers that rule "no" while the
 * target stays met. Undefined when no such completion exists (the rule is shadowed there).
 * `uses` counts how often a value was chosen before, so that the least used comes first.
 */
export function complete(
  site: RuleSite,
  witness: Witness,
  prng: Prng,
  renderable: (fact: string, value: FactValue) => boolean,
  uses: (fact: string, value: FactValue) => number = () => 0,
): Witness | undefined {
  const { corpus, policyId, question, rule } = site;
  let facts: Record<string, FactValue> = { ...witness.facts };
  const read = (f: Facts) => evaluate(corpus, policyId, question, { facts: f });
  const decides = (e: ReturnType<typeof read>) =>
    e.determination === 'needs_info' ? undefined : e.determination === rule.decision;
  for (let step = 0; step < 8; step++) {
    const now = read(facts);
    const verdict = decides(now);
    if (verdict !== undefined) return verdict ? { facts, absent: witness.absent } : undefined;
    const missing = now.missing;
    const open = missing.find((f) => facts[f] === undefined && !witness.absent.includes(f));
    const def = open === undefined ? undefined : corpus.facts[open];
    if (open === undefined || !def) return undefined;
    // Least-used values first, so completions take turns over every value that fits.
    const values = prng
      .shuffle(domain(def) ?? [])
      .filter((v) => renderable(open, v))
      .sort((a, b) => uses(open, a) - uses(open, b));
    let next: Record<string, FactValue> | undefined;
    for (const value of values) {
      const trial: Record<string, FactValue> = { ...facts, [open]: value };
      if (!meets(corpus, rule.when, trial)) continue;
      const e = read(trial);
      if (decides(e) === true) return { facts: trial, absent: witness.absent };
      if (!next && !e.missing.includes(open)) next = trial;
    }
    if (!next) return undefined;
    facts = next;
  }
  return undefined;
}
