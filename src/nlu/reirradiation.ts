import { z } from 'zod';
import { loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { FoundCue } from './extract.js';
import { clauses, compilePattern, longestAt, type Pattern } from './patterns.js';

export const ReirradiationFile = z.strictObject({
  relations: z.strictObject({ needsReference: z.array(z.string().min(1)), selfReferring: z.array(z.string().min(1)) }),
  references: z.array(z.string().min(1)).min(1),
});

/** The composed-reading vocabulary, tokenised once at load. */
export interface ReirradiationTable {
  readonly needsReference: readonly Pattern[];
  readonly selfReferring: readonly Pattern[];
  readonly references: readonly Pattern[];
}

export function loadReirradiation(file = projectPath('intents', 'reirradiation.yaml')): ReirradiationTable {
  const data = loadYaml(file, ReirradiationFile);
  const tok = (list: string[]) => list.map(compilePattern);
  return {
    needsReference: tok(data.relations.needsReference),
    selfReferring: tok(data.relations.selfReferring),
    references: tok(data.references),
  };
}

/** What a clause's composed reading came to: read as stated, as a hedged reading, or nothing. */
export type Composed = 'stated' | 'hedged' | undefined;

/**
 * Reads re-irradiation composed in one clause: a relation plus a reference to earlier
 * treatment, or a relation that is itself one. Not read where a negation cue stands before the
 * relation in its clause; hedged where an uncertainty cue does.
 */
export function composedReirradiation(table: ReirradiationTable, tokens: readonly string[], cues: readonly FoundCue[]): Composed {
  let result: Composed;
  for (const [from, to] of clauses(tokens, cues)) {
    const reading = clause(table, tokens, cues, from, to);
    if (reading === 'stated') return 'stated';
    result ??= reading;
  }
  return result;
}

function clause(
  table: ReirradiationTable,
  tokens: readonly string[],
  cues: readonly FoundCue[],
  from: number,
  to: number,
): Composed {
  let relation = -1;
  let self = false;
  let reference = false;
  for (let i = from; i < to; i++) {
    const s = longestAt(tokens, i, table.selfReferring);
    if (s > 0) {
      if (relation < 0) relation = i;
      self = true;
      i += s - 1;
      continue;
    }
    const r = longestAt(tokens, i, table.needsReference);
    if (r > 0) {
      if (relation < 0) relation = i;
      i += r - 1;
      continue;
    }
    if (longestAt(tokens, i, table.references) > 0) reference = true;
  }
  if (relation < 0 || !(self || reference)) return undefined;
  const before = cues.filter((c) => c.start >= from && c.end <= relation);
  if (before.some((c) => c.kinds.includes('pre'))) return undefined;
  return before.some((c) => c.kinds.includes('uncertain')) ? 'hedged' : 'stated';
}
