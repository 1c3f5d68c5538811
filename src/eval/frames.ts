import type { Question } from '../contract/determination.js';

/** A sentence a question is asked in: `{x}` takes the case's facts, `{payer}` the payer. */
export interface Frame {
  readonly id: string;
  readonly question: Question;
  readonly text: string;
  /** A code the frame itself names (it joins the case's facts). */
  readonly code?: string;
}

/** Frames naming no payer ask about every payer in the corpus. */
export const FRAMES: readonly Frame[] = [
  { id: 'coverage.necessary-under', question: 'necessity', text: 'Is IGRT medically necessary for {x} under {payer}?' },
  { id: 'coverage.payer-first', question: 'necessity', text: '{payer}: {x} — IGRT covered?' },
  { id: 'coverage.terse', question: 'necessity', text: '{payer} {x} igrt?' },
  { id: 'coverage.pt-with', question: 'necessity', text: 'pt w/ {x}, {payer}. ok to use daily CBCT?' },
  { id: 'coverage.does-payer-cover', question: 'necessity', text: 'Does {payer} cover image guidance for {x}?' },
  { id: 'coverage.no-payer', question: 'necessity', text: 'Is IGRT medically necessary for {x}?' },
  { id: 'billing.separately', question: 'billing', text: 'can we bill IGRT separately for {x} under {payer}?' },
  {
    id: 'billing.77387-separately',
    question: 'billing',
    text: 'is 77387 separately billable for {x} with {payer}?',
    code: '77387',
  },
  { id: 'billing.payer-first', question: 'billing', text: '{payer}: {x} — is IGRT bundled or billed separately?' },
  { id: 'billing.report', question: 'billing', text: '{payer} billing q: {x}, can I report IGRT?' },
  { id: 'billing.no-payer', question: 'billing', text: 'can we bill igrt separately with {x}?' },
];

/** Clauses that say nothing about the case; `adult` marks those that hint at an adult patient. */
export interface Filler {
  readonly text: string;
  readonly adult?: boolean;
}

export const FILLERS: readonly Filler[] = [
  { text: 'pt is 67', adult: true },
  { text: 'per the attending' },
  { text: 'thanks!' },
  { text: 'sim was yesterday' },
  { text: 'quick question' },
  { text: 'asking for a colleague' },
  { text: 'chart is attached' },
  { text: 'hope that makes sense' },
];
