import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const Setting = z.enum(['hospital_outpatient', 'office_freestanding']);

/** Where a statement comes from: a policy section (quoted verbatim) or a listed public source. */
export const Source = z.union([
  z.strictObject({ policy: z.string(), section: z.string(), quote: z.string().min(1) }),
  z.strictObject({ ref: z.string() }),
]);
export type Source = z.infer<typeof Source>;

export const Link = z.strictObject({
  codes: z.array(z.string()).min(1),
  from: IsoDate,
  setting: Setting.optional(),
  source: Source,
});

export type Link = z.infer<typeof Link>;

export const CodeEntry = z.strictObject({
  description: z.string().min(1),
  kind: z.enum(['igrt', 'delivery', 'planning', 'imaging', 'physics', 'special']),
  modality: z.string().optional(),
  setting: Setting.optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
  replaces: z.array(Link).default([]),
  replacedBy: z.array(Link).default([]),
  statements: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        from: IsoDate.optional(),
        until: IsoDate.optional(),
        setting: Setting.optional(),
        source: Source,
      }),
    )
    .default([]),
});
export type CodeEntry = z.infer<typeof CodeEntry>;

export const CodeChange = z.strictObject({
  id: z.string(),
  effective: IsoDate,
  source: z.string(),
  text: z.string().min(1),
  codes: z.array(z.string()),
  sections: z.array(z.string().regex(/^[a-z]+:.+$/, 'a section is policy:section')),
});
export type CodeChange = z.infer<typeof CodeChange>;

const CodeMatch = z.strictObject({ codes: z.array(z.string()).min(1).optional(), kind: z.string().optional() });

/** A verdict for code `a` when code `b` is on the same claim, grounded per payer. */
export const PairRule = z.strictObject({
  id: z.string(),
  a: CodeMatch,
  b: CodeMatch,
  setting: Setting.optional(),
  verdict: z.enum(['bundled', 'separately_billable', 'do_not_bill']),
  because: z.string().min(1),
  cite: z.record(z.string(), z.strictObject({ section: z.string(), quote: z.string().min(1) })),
});
export type PairRule = z.infer<typeof PairRule>;

export const CodeFile = z.strictObject({
  sources: z.record(z.string(), z.strictObject({ title: z.string().min(1), note: z.string().optional() })),
  changes: z.array(CodeChange).default([]),
  codes: z.record(z.string().regex(/^(\d{5}|\d{4}T|[A-Z]\d{4})$/, 'a CPT/HCPCS code'), CodeEntry),
  pairs: z.array(PairRule).default([]),
});
export type CodeFile = z.infer<typeof CodeFile>;
