import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';

const IsoDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'));
const CodeId = lazySchema(() => z.string().regex(/^(\d{5}|\d{4}[FMTU]|[A-V]\d{4})$/, 'a CPT/HCPCS code (77387, 0197T, G6001)'));

/** The billing settings a code or rule can be tied to (the fact `setting` in facts.yaml). */
export const Setting = lazySchema(() => z.enum(['hospital_outpatient', 'office_freestanding']));
export type Setting = z.infer<typeof Setting>;

/** A claim-line modifier the checker understands; `none` in a rule means "no modifier given". */
export const Modifier = lazySchema(() => z.enum(['TC', '26']));
export type Modifier = z.infer<typeof Modifier>;

/** Where a statement comes from: a policy section (quoted verbatim, checked at load) or a listed public source. */
export const Source = lazySchema(() =>
  z.union([
    z.strictObject({ policy: z.string(), section: z.string(), quote: z.string().min(1) }),
    z.strictObject({ ref: z.string() }),
  ]),
);
export type Source = z.infer<typeof Source>;

/** A date a code became or stopped being valid, and who says so. */
export const Dated = lazySchema(() => z.strictObject({ date: IsoDate, source: Source }));
export type Dated = z.infer<typeof Dated>;

/** One replacement: these codes stand in for the entry from `from` (in one setting, when given). */
export const Link = lazySchema(() =>
  z.strictObject({
    codes: z.array(CodeId).min(1),
    from: IsoDate,
    setting: Setting.optional(),
    source: Source,
  }),
);
export type Link = z.infer<typeof Link>;

/** A sourced sentence about a code, in force between `from` and `until` and, when given, in one setting. */
export const Statement = lazySchema(() =>
  z.strictObject({
    text: z.string().min(1),
    from: IsoDate.optional(),
    until: IsoDate.optional(),
    setting: Setting.optional(),
    source: Source,
  }),
);
export type Statement = z.infer<typeof Statement>;

/** A code category's meaning: its label and the facts any code of it states (an IGRT code says IGRT is billed). */
export const CodeKind = lazySchema(() =>
  z.strictObject({
    label: z.string().min(1),
    implies: z.record(z.string(), z.union([z.string(), z.boolean()])).default({}),
  }),
);

export const CodeEntry = lazySchema(() =>
  z.strictObject({
    /** Our own plain-English summary, never the CPT descriptor. */
    description: z.string().min(1),
    /** `igrt`: the code reports one IGRT method (two on one day are two methods). */
    kind: z.enum(['igrt', 'delivery', 'planning', 'imaging', 'physics', 'special']),
    /** Facts the code states on its own (an IMRT delivery code means `modality: imrt`); checked against facts.yaml. */
    implies: z.record(z.string(), z.union([z.string(), z.boolean()])).default({}),
    settings: z.strictObject({ in: z.array(z.union([Setting, z.literal('any')])).min(1), source: Source.optional() }),
    /**
     * The IGRT methods (ids of intents/igrt-methods.yaml) the code reports, `any` for every one:
     * "which code for CBCT?" is answered from these. Checked against the methods at load.
     */
    methods: z.array(z.string().regex(/^[a-z_]+$/)).default([]),
    validFrom: Dated.optional(),
    validTo: Dated.optional(),
    replaces: z.array(Link).default([]),
    replacedBy: z.array(Link).default([]),
    statements: z.array(Statement).default([]),
  }),
);
export type CodeEntry = z.infer<typeof CodeEntry>;

/** A code-set change that postdates the policies' coding text: notes are added to answers it affects. */
export const CodeChange = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    effective: IsoDate,
    source: z.string(),
    text: z.string().min(1),
    codes: z.array(CodeId),
    sections: z.array(z.string().regex(/^[a-z]+:.+$/, 'a section is policy:section')),
  }),
);
export type CodeChange = z.infer<typeof CodeChange>;

/** Which claim lines a rule side matches: by code or kind, and by modifier (`none` = no modifier). */
export const LineMatch = lazySchema(() =>
  z.strictObject({
    codes: z.array(CodeId).min(1).optional(),
    kind: CodeEntry.shape.kind.optional(),
    modifiers: z
      .array(z.union([Modifier, z.literal('none')]))
      .min(1)
      .optional(),
  }),
);
export type LineMatch = z.infer<typeof LineMatch>;

const PolicyQuote = lazySchema(() => z.strictObject({ section: z.string(), quote: z.string().min(1) }));

/** When a rule applies (setting, modality, dates) and what grounds it: a quote per payer and/or a public source for all. */
const Grounded = {
  setting: Setting.optional(),
  modality: z.array(z.string()).min(1).optional(),
  from: IsoDate.optional(),
  until: IsoDate.optional(),
  because: z.string().min(1),
  cite: z.record(z.string(), PolicyQuote).default({}),
  source: z.strictObject({ ref: z.string() }).optional(),
};

/** A verdict for one claim line on its own (G6017 in a hospital claim, 77387-TC from 2026). */
export const LineRule = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    line: LineMatch,
    verdict: z.enum(['bundled', 'separately_billable', 'do_not_bill']),
    ...Grounded,
  }),
);
export type LineRule = z.infer<typeof LineRule>;

/** A verdict for line `a` when line `b` is on the same claim (same date of service). */
export const PairRule = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    a: LineMatch,
    b: LineMatch,
    verdict: z.enum(['bundled', 'separately_billable', 'do_not_bill']),
    ...Grounded,
  }),
);
export type PairRule = z.infer<typeof PairRule>;

export const CodeFile = lazySchema(() =>
  z.strictObject({
    sources: z.record(
      z.string(),
      z.strictObject({ title: z.string().min(1), url: z.url().optional(), note: z.string().optional() }),
    ),
    /** Per payer, the section to cite when its policy is silent on a pair. */
    silence: z.record(z.string(), z.string()),
    /** Every code kind (igrt, delivery …): what a code of it says, whichever payer reads it. */
    kinds: z.record(z.string(), CodeKind),
    changes: z.array(CodeChange).default([]),
    codes: z.record(CodeId, CodeEntry),
    lines: z.array(LineRule).default([]),
    pairs: z.array(PairRule).default([]),
  }),
);
export type CodeFile = z.infer<typeof CodeFile>;
