import { z } from 'zod';
import { Determination } from './determination.js';

/** The intents of the answer contract. */
export const Intent = z.enum(['coverage', 'billing', 'code_lookup', 'compare', 'policy_info', 'help', 'out_of_scope']);
export type Intent = z.infer<typeof Intent>;

export const Citation = z.strictObject({
  policyId: z.string(),
  section: z.string(),
  excerpt: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const TraceEntry = z.strictObject({
  ruleId: z.string(),
  section: z.string(),
  decision: z.string(),
  value: z.enum(['met', 'not_met', 'unknown']),
  conditions: z.array(
    z.strictObject({
      fact: z.string(),
      test: z.string(),
      value: z.enum(['met', 'not_met', 'unknown']),
      given: z.unknown().optional(),
    }),
  ),
});

/** One payer's (or one claim line's) finding, as the contract fixes it plus its explanation. */
export const Finding = z.strictObject({
  payer: z.string(),
  determination: Determination,
  missing: z.array(z.string()),
  ruleId: z.string(),
  citation: Citation,
  /** Our plain-English reason for the determination. */
  reason: z.string(),
  /** What the bot took as given without being told (contract defaults), with how to change it. */
  assumed: z.array(z.string()),
  /** Further statements of the policy that bear on the case. */
  notes: z.array(z.string()),
  /** For claim-line checks: the line or pair this finding is about. */
  subject: z.string().optional(),
  trace: z.array(TraceEntry),
});
export type Finding = z.infer<typeof Finding>;

/** A missing fact the asker can supply with one click (Slack buttons) or one word (console). */
export const FollowUp = z.strictObject({
  fact: z.string(),
  question: z.string(),
  options: z.array(z.strictObject({ label: z.string(), reply: z.string() })),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** The one Answer every surface renders (see the answer contract). */
export const Answer = z.strictObject({
  id: z.string().optional(),
  intent: Intent,
  findings: z.array(Finding),
  text: z.string(),
  followUp: FollowUp.optional(),
  /** The facts the question (and its thread) established, for display and debugging. */
  facts: z.record(z.string(), z.unknown()),
  error: z.string().optional(),
});
export type Answer = z.infer<typeof Answer>;
