import { z } from 'zod';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { FoundCue } from './extract.js';
import { phraseTokens } from './normalise.js';

export const MethodFile = z.strictObject({
  methods: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)),
});

/** Method names by first token, longest first, compiled once at load. */
export interface MethodTable {
  readonly byFirstToken: ReadonlyMap<string, readonly { readonly tokens: readonly string[]; readonly method: string }[]>;
}

/** Loads intents/igrt-methods.yaml; a name listed under two methods fails. */
export function loadMethodTable(file = projectPath('intents', 'igrt-methods.yaml')): MethodTable {
  const data = loadYaml(file, MethodFile);
  const byFirstToken = new Map<string, { tokens: string[]; method: string }[]>();
  const owner = new Map<string, string>();
  for (const [method, names] of Object.entries(data.methods)) {
    for (const name of names) {
      const tokens = phraseTokens(name);
      const key = tokens.join(' ');
      const first = tokens[0];
      if (first === undefined) throw new DataError(file, `methods.${method}: "${name}" has no words`);
      if (owner.has(key)) throw new DataError(file, `methods.${method}: "${name}" is already under ${owner.get(key)}`);
      owner.set(key, method);
      byFirstToken.set(first, [...(byFirstToken.get(first) ?? []), { tokens, method }]);
    }
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirstToken };
}

/** Words that make two methods a choice ("CBCT or kV?"), not two methods on one day. */
const CHOICE = new Set(['or', 'vs', 'versus', 'instead', 'rather', 'either', 'whether']);

/**
 * Whether a question names two different IGRT methods used together: distinct methods, neither
 * negated (a negation cue right before or after it: "no CBCT, just kV"), not offered as a choice.
 */
export function namesTwoMethods(
  table: MethodTable,
  tokens: readonly string[],
  cues: readonly FoundCue[],
  found: readonly { readonly start: number; readonly end: number }[],
): boolean {
  const negatedAt = new Set(cues.filter((c) => c.kinds.includes('pre')).map((c) => c.end));
  const negatedAfter = new Set(cues.filter((c) => c.kinds.includes('post')).map((c) => c.start));
  const seen: { method: string; start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = table.byFirstToken.get(tokens[i] as string)?.find((m) => m.tokens.every((t, k) => tokens[i + k] === t));
    if (!hit) {
      i += 1;
      continue;
    }
    const end = i + hit.tokens.length;
    // Inside a lexicon phrase ("kv therapy", "vision rt" for DIBH, "sgrt" for tracking), the words mean that phrase.
    if (found.some((f) => f.start <= i && f.end >= end)) {
      i = end;
      continue;
    }
    // "no CBCT", "SGRT not performed": a negation right before or after the name.
    const negated =
      negatedAt.has(i) ||
      (negatedAt.has(i - 1) && /^(a|an|the|any)$/.test(tokens[i - 1] as string)) ||
      negatedAfter.has(end) ||
      (negatedAfter.has(end + 1) && /^(is|was|were|are)$/.test(tokens[end] as string));
    if (!negated) seen.push({ method: hit.method, start: i, end });
    i = end;
  }
  for (let a = 0; a < seen.length; a++) {
    for (let b = a + 1; b < seen.length; b++) {
      const [x, y] = [seen[a], seen[b]] as [(typeof seen)[number], (typeof seen)[number]];
      if (x.method === y.method) continue;
      if (!tokens.slice(x.end, y.start).some((t) => CHOICE.has(t))) return true;
    }
  }
  return false;
}
