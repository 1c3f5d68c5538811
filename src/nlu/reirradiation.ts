import { z } from 'zod';
import { loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { FoundCue } from './extract.js';
import { COMMA, endsSentence, isBoundary, phraseTokens } from './normalise.js';

export const ReirradiationFile = z.strictObject({
  relations: z.strictObject({ needsReference: z.array(z.string().min(1)), selfReferring: z.array(z.string().min(1)) }),
  references: z.array(z.string().min(1)).min(1),
});

type Pattern = readonly string[];

/** The composed-reading vocabulary, tokenised once at load. */
export interface ReirradiationTable {
  readonly needsReference: readonly Pattern[];
  readonly selfReferring: readonly Pattern[];
  readonly references: readonly Pattern[];
}

export function loadReirradiation(file = projectPath('intents', 'reirradiation.yaml')): ReirradiationTable {
  const data = loadYaml(file, ReirradiationFile);
  const tok = (list: string[]) => list.map((p) => phraseTokens(p.replace(/\{(n|year)\}/g, 'slot$1')));
  return {
    needsReference: tok(data.relations.needsReference),
    selfReferring: tok(data.relations.selfReferring),
    references: tok(data.references),
  };
}

/** One slot token against a word: a number, a year (1950–2099), a dose ("30gy"), or the word itself. */
function fits(slot: string, word: string): boolean {
  if (slot === 'slotn') return /^\d+(\.\d+)?$/.test(word);
  if (slot === 'slotyear') return /^(19[5-9]\d|20\d\d)$/.test(word);
  if (slot === 'slotngy') return /^\d+(\.\d+)?c?gy$/.test(word);
  return slot === word;
}

function at(tokens: readonly string[], i: number, patterns: readonly Pattern[]): number {
  for (const p of patterns)
    if (p.every((t, k) => tokens[i + k] !== undefined && fits(t, tokens[i + k] as string))) return p.length;
  return 0;
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
  let start = 0;
  const terminators = new Set(cues.filter((c) => c.kinds.includes('terminator')).map((c) => c.start));
  for (let end = 0; end <= tokens.length; end++) {
    const t = tokens[end];
    if (end < tokens.length && !(endsSentence(t) || t === COMMA || isBoundary(t) || terminators.has(end))) continue;
    const reading = clause(table, tokens, cues, start, end);
    if (reading === 'stated') return 'stated';
    result ??= reading;
    start = end + 1;
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
    const s = at(tokens, i, table.selfReferring);
    if (s > 0) {
      if (relation < 0) relation = i;
      self = true;
      i += s - 1;
      continue;
    }
    const r = at(tokens, i, table.needsReference);
    if (r > 0) {
      if (relation < 0) relation = i;
      i += r - 1;
      continue;
    }
    if (at(tokens, i, table.references) > 0) reference = true;
  }
  if (relation < 0 || !(self || reference)) return undefined;
  const before = cues.filter((c) => c.start >= from && c.end <= relation);
  if (before.some((c) => c.kinds.includes('pre'))) return undefined;
  return before.some((c) => c.kinds.includes('uncertain')) ? 'hedged' : 'stated';
}
