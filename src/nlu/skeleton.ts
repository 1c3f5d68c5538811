import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';

/**
 * One bone and the words that name it: `names` say the bone on their own ("femur", "sphenoid
 * wing"), `forms` only in a composed phrase ("femoral met"; "femoral" alone is no site).
 * `lesion: false` where a "lesion" is as often a primary tumour (the skull base: meningioma,
 * chordoma), so only a metastasis word there says metastasis.
 */
export const Bone = lazySchema(() =>
  z.strictObject({
    bone: z.string().min(1),
    names: z.array(z.string().min(1)).default([]),
    forms: z.array(z.string().min(1)).default([]),
    lesion: z.boolean().default(true),
  }),
);
export type Bone = z.infer<typeof Bone>;

/** The skeleton by region, with the words that say bone without naming one and the vertebral levels. */
export const Skeleton = lazySchema(() =>
  z.strictObject({
    generic: z.array(z.string().min(1)).min(1),
    /** Vertebral levels per segment letter, top down: `{ c: 7, t: 12, l: 5, s: 5 }` → c1 … s5. */
    levels: z.record(z.string().regex(/^[a-z]$/), z.number().int().positive()),
    regions: z.record(z.string().regex(/^[a-z_]+$/), z.array(Bone).min(1)),
  }),
);
export type Skeleton = z.infer<typeof Skeleton>;

/** The word classes the skeleton gives the lexicon's phrases. */
export interface SkeletonClasses {
  /** Every vertebral level ("t8"). */
  readonly vertebra: string[];
  /** Words for a bone after which any metastasis word, "lesion" included, says a bony metastasis. */
  readonly bone: string[];
  /** Bones where only a metastasis word (not "lesion") says metastasis. */
  readonly bone_mets_only: string[];
  /** Words that name a bone on their own: named alone in a case, a bony metastasis is asked about. */
  readonly bonename: string[];
}

/** The lexicon's bone word classes, composed from the skeleton (each word once, in the file's order). */
export function skeletonClasses(skeleton: Skeleton): SkeletonClasses {
  const bones = Object.values(skeleton.regions).flat();
  const words = (bone: Bone) => [...bone.names, ...bone.forms];
  return {
    vertebra: Object.entries(skeleton.levels).flatMap(([segment, n]) =>
      Array.from({ length: n }, (_, i) => `${segment}${i + 1}`),
    ),
    bone: unique([...skeleton.generic, ...bones.filter((b) => b.lesion).flatMap(words)]),
    bone_mets_only: unique(bones.filter((b) => !b.lesion).flatMap(words)),
    bonename: unique(bones.flatMap((b) => b.names)),
  };
}

const unique = (list: readonly string[]) => [...new Set(list)];
