import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { FoundCue } from './extract.js';
import { compileDays, DaysFile, type DayTable, type MethodMention } from './method-days.js';
import { isBoundary, phraseTokens } from './normalise.js';

export const MethodFile = lazySchema(() =>
  z.strictObject({
    methods: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)),
    days: DaysFile,
  }),
);

/** Method names by first token, longest first, and the day vocabulary, compiled once at load. */
export interface MethodTable {
  readonly byFirstToken: ReadonlyMap<string, readonly { readonly tokens: readonly string[]; readonly method: string }[]>;
  readonly days: DayTable;
  /** Each method's id and the first name listed for it ("cbct" → "cbct", "ct_on_rails" → "ct on rails"). */
  readonly names: ReadonlyMap<string, string>;
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
  const names = new Map(Object.entries(data.methods).map(([method, list]) => [method, list[0] as string]));
  return { byFirstToken, days: compileDays(data.days), names };
}

/**
 * The IGRT methods a question names and does not negate, in order: by any of their words or
 * devices, and each IGRT code (`isMethodCode`) as a method of its own. A name inside a lexicon
 * phrase ("kv therapy", "vision rt" for DIBH) means that phrase; a negation cue right before or
 * after a name ("no CBCT, just kV"; "SGRT not performed") leaves it out.
 */
export function methodMentions(
  table: MethodTable,
  tokens: readonly string[],
  cues: readonly FoundCue[],
  found: readonly {
    readonly start: number;
    readonly end: number;
    readonly phrase: { readonly entry: { readonly set: object } };
  }[],
  isMethodCode: (token: string) => boolean,
): MethodMention[] {
  const negatedAt = new Set(cues.filter((c) => c.kinds.includes('pre')).map((c) => c.end));
  // "SGRT not performed" negates it; "CBCT not on the same day" does not: a cue that also reaches
  // forward negates the name before it only where the clause ends with it ("kV: not").
  const negatedAfter = new Set(
    cues
      .filter(
        (c) => c.kinds.includes('post') && (!c.kinds.includes('pre') || tokens[c.end] === undefined || isBoundary(tokens[c.end])),
      )
      .map((c) => c.start),
  );
  const seen: MethodMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as string;
    const hit = isMethodCode(token)
      ? { method: `code ${token}`, tokens: [token] }
      : table.byFirstToken.get(token)?.find((m) => m.tokens.every((t, k) => tokens[i + k] === t));
    if (!hit) {
      i += 1;
      continue;
    }
    const end = i + hit.tokens.length;
    if (found.some((f) => f.start <= i && f.end >= end && !saysImageGuidance(f.phrase.entry.set))) {
      i = end;
      continue;
    }
    const negated =
      negatedAt.has(i) ||
      (negatedAt.has(i - 1) && /^(a|an|the|any)$/.test(tokens[i - 1] as string)) ||
      negatedAfter.has(end) ||
      (negatedAfter.has(end + 1) && /^(is|was|were|are)$/.test(tokens[end] as string));
    if (!negated) seen.push({ method: hit.method, start: i, end });
    i = end;
  }
  return seen;
}

// A phrase that says only how the target is localized or tracked ("Calypso", "surface guided")
// is image guidance itself: a method named in it is still a method.
const GUIDANCE_FACTS: ReadonlySet<string> = new Set(['targetLocalization', 'respiratoryTracking']);
const saysImageGuidance = (set: object) => Object.keys(set).every((fact) => GUIDANCE_FACTS.has(fact));

/** Words that make two methods a choice ("CBCT or kV?"), not two methods on one day. */
const CHOICE = new Set(['or', 'vs', 'versus', 'instead', 'rather', 'either', 'whether']);

/**
 * Pairs of different methods named together, not offered as a choice. Names pair with names
 * and codes with codes: "CBCT, bill 77387?" names one method twice over.
 */
export function methodPairs(tokens: readonly string[], mentions: readonly MethodMention[]): [MethodMention, MethodMention][] {
  const pairs: [MethodMention, MethodMention][] = [];
  const isCode = (m: MethodMention) => m.method.startsWith('code ');
  for (const [a, x] of mentions.entries()) {
    for (const y of mentions.slice(a + 1)) {
      if (x.method === y.method || isCode(x) !== isCode(y)) continue;
      if (!tokens.slice(x.end, y.start).some((t) => CHOICE.has(t))) pairs.push([x, y]);
    }
  }
  return pairs;
}
