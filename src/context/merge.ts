import { CASE_INTENTS, type Intent } from '../contract/answer.js';
import type { Question } from '../contract/determination.js';
import type { ParsedQuestion } from '../nlu/parse.js';
import type { UnsureFact } from '../nlu/resolve-facts.js';
import type { Corpus } from '../policy/corpus.js';
import { ancestors, type Facts, type FactValue } from '../policy/facts.js';
import { factsOf } from '../policy/walk-condition.js';
import type { ThreadState } from './store.js';

/** The question as the thread now stands: this message's facts over what the thread established. */
export interface Turn {
  readonly intent: Intent;
  readonly facts: Facts;
  readonly conflicts: readonly { fact: string; values: readonly FactValue[] }[];
  readonly payers: readonly string[];
  /** Enum values ruled out, this message's and the thread's. */
  readonly excluded: Readonly<Record<string, readonly string[]>>;
  /** Facts this message gave only doubtfully: unknown until confirmed. */
  readonly unsure: readonly UnsureFact[];
  /** This message's what-ifs: they hold for this answer and are not kept in the thread. */
  readonly whatIf: Facts;
  /** True when the message leaned on the thread (no intent of its own, or facts carried over). */
  readonly followUp: boolean;
  /** The value each fact had before a turn replaced it, so a contradicted replacement can go back. */
  readonly earlier: Facts;
  /** Facts put back to their earlier value because the value they held was contradicted. */
  readonly restored: Facts;
}

/**
 * Merges a parsed message with its thread. A message with no intent of its own is a
 * follow-up ("what about <another payer>?", "curative", "and with electrons?"): it keeps the thread's
 * intent and payers unless it names new ones; a yes/no fills the fact the bot asked about. One that
 * says it is about the same case (`saidSame`: "what does <payer> say for the same patient"), or
 * asks the policy about nothing of its own ("what does <payer> say about that?"), asks about the
 * case even when its words ask about the policy.
 */
export function mergeTurn(parsed: ParsedQuestion, previous: ThreadState | undefined, corpus: Corpus, saidSame = false): Turn {
  const fresh: Intent = parsed.inDomain ? (parsed.intent ?? 'coverage') : parsed.intent === 'help' ? 'help' : 'out_of_scope';
  // A bare yes/no, a date or an age alone ("and on 2026-02-01?", "19 years old") is a follow-up, not a stray message.
  const leans = parsed.inDomain || parsed.yesNo !== undefined || parsed.dateOfService !== undefined || parsed.age !== undefined;
  if (!previous || fresh === 'help' || !leans) {
    return {
      intent: fresh,
      facts: parsed.facts,
      conflicts: parsed.conflicts,
      payers: parsed.payers,
      excluded: parsed.excluded,
      unsure: parsed.unsure,
      whatIf: parsed.whatIf,
      followUp: false,
      earlier: {},
      restored: {},
    };
  }
  const facts: Record<string, FactValue> = { ...previous.facts };
  const excluded: Record<string, readonly string[]> = { ...previous.excluded };
  const earlier: Record<string, FactValue> = { ...previous.earlier };
  // A fact goes stale when one it is reset by changes (facts.yaml `resetBy`: a new diagnosis makes
  // the old set-up stale). Supplying a diagnosis the case lacked changes nothing: "DIBH on a 3D
  // plan" then "left breast" is one case.
  const changed = (fact: string) =>
    parsed.facts[fact] !== undefined && previous.facts[fact] !== undefined && parsed.facts[fact] !== previous.facts[fact];
  for (const [fact, resetBy] of resettable(corpus)) {
    if (!resetBy.some(changed)) continue;
    delete facts[fact];
    delete excluded[fact];
    delete earlier[fact];
  }
  // A fact stated afresh, or asked to be confirmed, replaces what the thread had ruled out or held.
  for (const fact of Object.keys(parsed.facts)) delete excluded[fact];
  for (const { fact } of parsed.unsure) delete facts[fact];
  for (const [fact, values] of Object.entries(parsed.excluded)) {
    excluded[fact] = [...new Set([...(excluded[fact] ?? []), ...values])];
    if (typeof facts[fact] === 'string' && values.includes(facts[fact] as string)) delete facts[fact];
  }
  if (parsed.facts.codes !== undefined) delete facts.modifier;
  Object.assign(facts, parsed.facts);
  const restored = dropContradicted(corpus, parsed.facts, previous.facts, facts, earlier);
  for (const [fact, value] of Object.entries(parsed.facts)) {
    const before = previous.facts[fact];
    if (before !== undefined && before !== value) earlier[fact] = before;
  }
  const awaited = previous.awaiting ? corpus.facts[previous.awaiting] : undefined;
  if (previous.awaiting && awaited?.kind === 'boolean' && parsed.yesNo !== undefined) facts[previous.awaiting] = parsed.yesNo;
  const caseQuestion = CASE_INTENTS.has(previous.intent);
  // "can we bill the tracking?" then "what if they switch to 3D, curative?": another treatment with a fact
  // only necessity reads (rules' facts, not a list) asks whether IGRT is necessary for that treatment.
  const told = { ...parsed.facts, ...parsed.whatIf };
  const reasks =
    previous.intent === 'billing' &&
    parsed.intent === undefined &&
    told.modality !== undefined &&
    told.modality !== previous.facts.modality &&
    Object.keys(told).some((fact) => necessityOnly(corpus).has(fact));
  const keepsIntent =
    caseQuestion &&
    !reasks &&
    (parsed.intent === undefined ||
      (parsed.intent === 'coverage' && previous.intent === 'compare') ||
      ((saidSame || parsed.topicless) && parsed.intent === 'policy_info'));
  return {
    intent: keepsIntent ? previous.intent : reasks ? 'coverage' : fresh,
    facts,
    conflicts: parsed.conflicts,
    payers: parsed.payers.length > 0 ? parsed.payers : previous.payers,
    excluded,
    unsure: parsed.unsure,
    whatIf: parsed.whatIf,
    followUp: true,
    earlier,
    restored,
  };
}

const resettables = new WeakMap<Corpus, readonly (readonly [string, readonly string[]])[]>();

/**
 * The facts a change can make stale, each with the facts that reset it, in the fact table's order:
 * read once per corpus, not from every fact's definition on every turn of every thread.
 */
function resettable(corpus: Corpus): readonly (readonly [string, readonly string[]])[] {
  let list = resettables.get(corpus);
  if (!list) {
    list = Object.entries(corpus.facts).flatMap(([fact, def]) => (def.resetBy ? [[fact, def.resetBy] as const] : []));
    resettables.set(corpus, list);
  }
  return list;
}

/**
 * Drops each carried value that what the turn states contradicts through what it implies
 * (facts.yaml `implies`: photons stated now contradict the electron modality carried) and puts
 * back the value it had replaced, if that one fits; returns what was put back.
 */
function dropContradicted(
  corpus: Corpus,
  stated: Facts,
  carried: Facts,
  facts: Record<string, FactValue>,
  earlier: Record<string, FactValue>,
): Facts {
  const restored: Record<string, FactValue> = {};
  for (const [fact, value] of Object.entries(carried)) {
    if (stated[fact] !== undefined || facts[fact] !== value || !contradicts(corpus, fact, value, stated)) continue;
    delete facts[fact];
    const before = earlier[fact];
    earlier[fact] = value;
    if (before !== undefined && !contradicts(corpus, fact, before, facts)) {
      facts[fact] = before;
      restored[fact] = before;
    }
  }
  return restored;
}

/** Whether a value, by a fact it implies, disagrees with what `facts` hold of that fact. */
function contradicts(corpus: Corpus, fact: string, value: FactValue, facts: Facts): boolean {
  const def = corpus.facts[fact];
  const implies = def?.kind === 'enum' && typeof value === 'string' ? def.values[value]?.implies : undefined;
  return Object.entries(implies ?? {}).some(
    ([other, wanted]) => facts[other] !== undefined && !fits(corpus, other, facts[other], wanted),
  );
}

/** Whether a held value agrees with an implied one: the same, or one a kind of the other. */
function fits(corpus: Corpus, fact: string, held: FactValue | undefined, wanted: FactValue): boolean {
  if (held === wanted) return true;
  const def = corpus.facts[fact];
  if (def?.kind !== 'enum' || typeof held !== 'string' || typeof wanted !== 'string') return false;
  return ancestors(def, held).has(wanted) || ancestors(def, wanted).has(held);
}

/** Facts the necessity rules read and no billing rule does (treatment intent, re-irradiation …), per corpus. */
const necessityFacts = new WeakMap<Corpus, ReadonlySet<string>>();
function necessityOnly(corpus: Corpus): ReadonlySet<string> {
  let only = necessityFacts.get(corpus);
  if (!only) {
    const read = (question: Question) =>
      new Set(
        [...corpus.policies.values()].flatMap((policy) =>
          (policy.rules.questions[question] ?? []).flatMap((rule) => factsOf(rule.when)),
        ),
      );
    const billing = read('billing');
    only = new Set([...read('necessity')].filter((fact) => !billing.has(fact)));
    necessityFacts.set(corpus, only);
  }
  return only;
}
