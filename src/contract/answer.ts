import { z } from 'zod';
import { Determination } from './determination.js';
import { lazySchema } from './lazy-schema.js';

/** The intents of the answer contract. */
export const Intent = lazySchema(() =>
  z.enum(['coverage', 'billing', 'code_lookup', 'compare', 'policy_info', 'help', 'out_of_scope']),
);
export type Intent = z.infer<typeof Intent>;

/** Intents whose answer is a set of findings about a case. */
export const CASE_INTENTS: ReadonlySet<Intent> = new Set(['coverage', 'billing', 'compare']);

export const Citation = lazySchema(() =>
  z.strictObject({
    policyId: z.string(),
    section: z.string(),
    excerpt: z.string(),
  }),
);
export type Citation = z.infer<typeof Citation>;

export const TraceEntry = lazySchema(() =>
  z.strictObject({
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
  }),
);

/** One payer's (or one claim line's) finding, as the contract fixes it plus its explanation. */
export const Finding = lazySchema(() =>
  z.strictObject({
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
    /** Code-set changes since the policy's coding text that bear on this finding (shown apart, marked). */
    changes: z.array(z.string()),
    /** For claim-line checks: the line or pair this finding is about. */
    subject: z.string().optional(),
    /** For a message about more than one patient: the patient this finding is about, as labelled ("Pt A"). */
    patient: z.string().optional(),
    trace: z.array(TraceEntry),
  }),
);
export type Finding = z.infer<typeof Finding>;

/** A missing fact the asker can supply with one click (Slack buttons) or one word (console). */
export const FollowUp = lazySchema(() =>
  z.strictObject({
    fact: z.string(),
    question: z.string(),
    options: z.array(z.strictObject({ label: z.string(), reply: z.string() })),
  }),
);
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * The date an answer is stated for and why: the question's date (as written), an earlier turn's,
 * or today, naming a date it could not read; `year` when the question gave a year alone.
 */
export const DateUsed = lazySchema(() =>
  z.strictObject({
    date: z.iso.date(),
    from: z.enum(['question', 'earlier', 'today']),
    written: z.string().optional(),
    year: z.number().int().optional(),
    unreadable: z.string().optional(),
    /** No date was given and a code named cannot be reported today: the answer is for `date`, the last day every code was, not for this today. */
    insteadOf: z.iso.date().optional(),
    /** A date written without a year ("DOS 3/14"): the same day a year earlier, which the asker may mean as well. */
    yearEarlier: z.iso.date().optional(),
  }),
);
export type DateUsed = z.infer<typeof DateUsed>;

/**
 * A fact the bot read, with how a person reads its value ("modality" "imrt" → "IMRT") and as
 * what: stated, ruled out ("not prone"), a what-if, or a doubtful reading not yet confirmed.
 */
export const Understood = lazySchema(() =>
  z.strictObject({
    fact: z.string(),
    value: z.unknown(),
    label: z.string(),
    as: z.enum(['stated', 'ruled_out', 'what_if', 'unconfirmed']),
  }),
);
export type Understood = z.infer<typeof Understood>;

/** A fact the question gave more than one value for; `moot` when the answer is the same for each. */
export const Conflict = lazySchema(() =>
  z.strictObject({
    fact: z.string(),
    label: z.string(),
    values: z.array(z.string()),
    moot: z.boolean().optional(),
  }),
);
export type Conflict = z.infer<typeof Conflict>;

/** A doubtful reading the answer turns on: the fact, and why it was not taken as stated. */
export const Confirm = lazySchema(() => z.strictObject({ fact: z.string(), label: z.string(), why: z.string() }));
export type Confirm = z.infer<typeof Confirm>;

/** A claim-line or pair verdict of the code checker. */
export const CodeVerdict = lazySchema(() =>
  z.enum(['valid', 'bundled', 'separately_billable', 'do_not_bill', 'deleted', 'replaced', 'not_addressed', 'unknown']),
);
export type CodeVerdict = z.infer<typeof CodeVerdict>;

/** One row of a claim check as a person reads it: a line or pair, the payers it holds for, the verdict and why. */
export const ClaimRow = lazySchema(() =>
  z.strictObject({
    subject: z.string(),
    payers: z.array(z.string()),
    verdict: CodeVerdict,
    reason: z.string(),
  }),
);
export type ClaimRow = z.infer<typeof ClaimRow>;

/** A claim check: the payers and setting it was checked for, one row per line and per related pair. */
export const ClaimView = lazySchema(() =>
  z.strictObject({
    payers: z.array(z.string()),
    setting: z.string().optional(),
    rows: z.array(ClaimRow),
  }),
);
export type ClaimView = z.infer<typeof ClaimView>;

/**
 * The one Answer every surface renders (see the answer contract). `intent`, `findings` and
 * `text` are the contract; the rest is what `text` and Block Kit are both rendered from.
 */
export const Answer = lazySchema(() =>
  z.strictObject({
    id: z.string().optional(),
    intent: Intent,
    findings: z.array(Finding),
    text: z.string(),
    followUp: FollowUp.optional(),
    /** The facts the question (and its thread) established, for display and debugging. */
    facts: z.record(z.string(), z.unknown()),
    /** What the bot understood, in the order it says it back (payers first). */
    understood: z.array(Understood).optional(),
    conflicts: z.array(Conflict).optional(),
    /** Doubtful readings to confirm before the answer can be given. */
    confirm: z.array(Confirm).optional(),
    /** The date billing, code and claim answers are stated for. */
    dateOfService: DateUsed.optional(),
    /** What was taken as given without being told, once for the whole answer (claim checks). */
    assumptions: z.array(z.string()).optional(),
    /** Code-set change notes, once for the whole answer (claim checks). */
    changes: z.array(z.string()).optional(),
    claim: ClaimView.optional(),
    /** A one-line result (claim checks). */
    summary: z.string().optional(),
    /** What this answer took from earlier turns of the conversation (labels, payers first): the payer's name, "palliative". */
    carried: z.array(z.string()).optional(),
    /** What must be said before anything else: a code in the question that is not valid on the date of service. */
    lead: z.array(z.string()).optional(),
    /** A second, policy-facts question asked beside the case ("… and what's the policy number?"), answered after it. */
    also: z.array(z.string()).optional(),
    /** Remarks about the message itself: cut for length, payers with no policy here. */
    notices: z.array(z.string()).optional(),
    error: z.string().optional(),
  }),
);
export type Answer = z.infer<typeof Answer>;
