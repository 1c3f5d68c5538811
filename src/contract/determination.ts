import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';

/** The determinations an Answer's finding may carry (see the answer contract). */
export const Determination = lazySchema(() =>
  z.enum([
    'medically_necessary',
    'not_medically_necessary',
    'bundled',
    'separately_billable',
    'do_not_bill',
    'not_applicable',
    'not_addressed',
    'needs_info',
    'info',
  ]),
);
export type Determination = z.infer<typeof Determination>;

/** The questions a policy's rules answer: is IGRT necessary, and how is it billed. */
export const Question = lazySchema(() => z.enum(['necessity', 'billing']));
export type Question = z.infer<typeof Question>;
