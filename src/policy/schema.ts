import { z } from 'zod';
import { Determination, Question } from '../contract/determination.js';
import { lazySchema } from '../contract/lazy-schema.js';

const FactName = lazySchema(() => z.string().regex(/^[a-z][A-Za-z]*$/, 'a fact name is camelCase'));

/** A condition over facts: leaves test one fact, `all`/`any`/`not` combine them. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; in: string[] }
  | { fact: string; is: boolean }
  | { fact: string; has: string[] }
  | { fact: string; unknown: true };

export const Condition: z.ZodType<Condition> = lazySchema(() =>
  z.lazy(() =>
    z.union([
      z.strictObject({ all: z.array(Condition).min(1) }),
      z.strictObject({ any: z.array(Condition).min(1) }),
      z.strictObject({ not: Condition }),
      z.strictObject({ fact: FactName, in: z.array(z.string()).min(1) }),
      z.strictObject({ fact: FactName, is: z.boolean() }),
      z.strictObject({ fact: FactName, has: z.array(z.string()).min(1) }),
      z.strictObject({ fact: FactName, unknown: z.literal(true) }),
    ]),
  ),
);

export const Rule = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    section: z.string().min(1),
    when: Condition,
    decision: Determination.exclude(['needs_info', 'info']),
    because: z.string().min(1),
    quote: z.string().min(1).optional(),
  }),
);
export type Rule = z.infer<typeof Rule>;

export const Note = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    section: z.string().min(1),
    when: Condition,
    text: z.string().min(1),
  }),
);
export type Note = z.infer<typeof Note>;

export const RuleFile = lazySchema(() =>
  z.strictObject({
    policy: z.string().min(1),
    questions: z.record(Question, z.array(Rule).min(1)),
    notes: z.array(Note).default([]),
  }),
);
export type RuleFile = z.infer<typeof RuleFile>;

export const Section = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    topic: z.string().min(1),
    text: z.string().min(1),
  }),
);
export type Section = z.infer<typeof Section>;

export const PolicyDoc = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z]+$/),
    /** The payer's name as answers show it ("Acme Health Plan"); the lexicon holds the ways people write it. */
    payer: z.string().min(1),
    /** The word a one-click reply sends to name this payer; it must parse back to this policy (checked at load). */
    reply: z.string().min(1),
    title: z.string().min(1),
    policyNumber: z.string().optional(),
    /** The manual the policy belongs to and its section there, as its heading gives them. */
    manual: z.strictObject({ name: z.string().min(1), section: z.string().min(1) }).optional(),
    dates: z.strictObject({
      effective: z.string().optional(),
      original: z.string().optional(),
      lastReview: z.string().optional(),
      published: z.string().optional(),
    }),
    source: z.string().min(1),
    population: z.strictObject({
      summary: z.string().min(1),
      plans: z.array(z.string()),
      section: z.string().min(1),
    }),
    /** Which section answers which policy-information question, and what the policy says about plans. */
    topics: z.strictObject({
      indications: z.string().min(1),
      plans: z.strictObject({ section: z.string().min(1), text: z.string().min(1) }).optional(),
    }),
    /** Example questions naming this payer, for help and the Slack Home tab. */
    examples: z.array(z.string().min(1)).min(1),
    headings: z.array(z.string()),
    sections: z.array(Section).min(1),
    omitted: z.array(z.strictObject({ reason: z.string().min(1), text: z.string().min(1) })).default([]),
  }),
);
export type PolicyDoc = z.infer<typeof PolicyDoc>;

const FactValueInfo = lazySchema(() =>
  z.strictObject({
    label: z.string().min(1),
    isA: z.array(z.string()).optional(),
    /**
     * Facts this value settles of itself (electron beam therapy is delivered with electrons): in a
     * thread, a turn that states another value of one of them contradicts it, and it goes.
     */
    implies: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
  }),
);

const FactBase = {
  label: z.string().min(1),
  ask: z.string().min(1),
  sayWhenAssumed: z.boolean().optional(),
  /** Says who a policy applies to (age, the plan's program): stated, "does the policy apply?" is answered by the scope rules. */
  population: z.boolean().optional(),
  /** Facts whose change in a thread makes this one stale (a new diagnosis, a new set-up). */
  resetBy: z.array(FactName).optional(),
};

export const FactDef = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('enum'),
      ...FactBase,
      values: z.record(z.string(), FactValueInfo),
      offer: z.array(z.string()).optional(),
      /** When a question names several values, the first of these it names wins. */
      prefer: z.array(z.string()).optional(),
      default: z.string().optional(),
    }),
    z.strictObject({ kind: z.literal('boolean'), ...FactBase, default: z.boolean().optional() }),
    z.strictObject({ kind: z.literal('codes'), ...FactBase }),
  ]),
);
export type FactDef = z.infer<typeof FactDef>;

export const FactTable = lazySchema(() => z.strictObject({ facts: z.record(FactName, FactDef) }));
export type FactTable = z.infer<typeof FactTable>;
