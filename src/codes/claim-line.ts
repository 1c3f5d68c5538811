import type { Modifier } from './schema.js';

/** One line of a claim: a CPT/HCPCS code with its modifier and units when given. */
export interface ClaimLine {
  readonly code: string;
  readonly modifier?: Modifier;
  readonly units?: number;
}

/** A line as a coder writes it: `77387-TC x5`. */
export function lineLabel(line: ClaimLine): string {
  return `${line.code}${line.modifier ? `-${line.modifier}` : ''}${line.units ? ` x${line.units}` : ''}`;
}
