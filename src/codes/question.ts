import type { ClaimLine } from './claim-line.js';
import { Setting } from './schema.js';

/** What every code answer is stated against: a date of service (never "now"), and the setting, payer and modality when known. */
export interface CodeQuestion {
  /** YYYY-MM-DD: the date of service given, or today as passed in by the caller. */
  readonly dateOfService: string;
  readonly setting?: Setting;
  /** A policy id in the corpus; absent means every payer (claim checks) or the payer whose policy grounds it (relations). */
  readonly payer?: string;
  /** A `modality` value from facts.yaml (imrt, sbrt, electron, …). */
  readonly modality?: string;
}

/** A code question for one payer. */
export type PayerQuestion = CodeQuestion & { readonly payer: string };

/** The billing setting a fact value names, or undefined when it names none. */
export function asSetting(value: unknown): Setting | undefined {
  const parsed = Setting.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A claim line from a bare code or a line. */
export const toLine = (line: ClaimLine | string): ClaimLine => (typeof line === 'string' ? { code: line } : line);
