import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import type { FoundCue } from './extract.js';
import { assertRelation, clauses, compilePattern, longestAt, matchAt, type Pattern } from './patterns.js';

const Phrases = lazySchema(() => z.array(z.string().min(1)).min(1));

/** intents/igrt-methods.yaml `days`: how the methods named stand to the treatment day. */
export const DaysFile = lazySchema(() =>
  z.strictObject({
    same: Phrases,
    apart: Phrases,
    named: z.record(z.string().regex(/^[a-z_]+$/), Phrases),
    numbered: Phrases,
    every: Phrases,
    some: Phrases,
  }),
);

export interface DayTable {
  readonly same: readonly Pattern[];
  readonly apart: readonly Pattern[];
  /** Each pattern with the one day it names ("mon" → monday; "fx {n}" → its number). */
  readonly days: readonly { readonly pattern: Pattern; readonly day?: string }[];
  readonly every: readonly Pattern[];
  readonly some: readonly Pattern[];
}

export function compileDays(data: z.infer<typeof DaysFile>): DayTable {
  const named = Object.entries(data.named).flatMap(([day, names]) => names.map((n) => ({ pattern: compilePattern(n), day })));
  return {
    same: data.same.map(compilePattern),
    apart: data.apart.map(compilePattern),
    days: [...named, ...data.numbered.map((n) => ({ pattern: compilePattern(n) }))],
    every: data.every.map(compilePattern),
    some: data.some.map(compilePattern),
  };
}

/** One method named in the question ("cbct", or an IGRT code standing for its own method). */
export interface MethodMention {
  readonly method: string;
  readonly start: number;
  readonly end: number;
}

/** Whether the methods meet on one day, are on different days, or the question leaves it open. */
export type DayReading = 'same' | 'apart' | 'unclear' | undefined;

/** A question as the day reading needs it; `pairs` are mentions used together (not offered as a choice). */
export interface MethodsSaid {
  readonly tokens: readonly string[];
  readonly cues: readonly FoundCue[];
  /** Words a negation reaches across (intents/assertion.yaml `transparent`). */
  readonly transparent: ReadonlySet<string>;
  /** Where lexicon phrases start: a negation before one is about it. */
  readonly found: readonly { readonly start: number }[];
  readonly mentions: readonly MethodMention[];
  readonly pairs: readonly (readonly [MethodMention, MethodMention])[];
}

/**
 * How the methods named stand to the day: a relation said in a clause wins ("not on the same
 * fraction" is apart); otherwise the days each method is said on (see igrt-methods.yaml `days`).
 */
export function readDays(table: DayTable, said: MethodsSaid): DayReading {
  return statedRelation(table, said) ?? byDaysSaid(table, said);
}

/** The relations said, each turned round by a negation before it; disagreeing ones leave it open. */
function statedRelation(table: DayTable, { tokens, cues, transparent, found, mentions }: MethodsSaid): DayReading {
  const readings = new Set<DayReading>();
  // A negation before a method, a phrase or a predicate ("not bill CBCT and kV on the same day") is about that.
  const read = (i: number) => mentions.some((m) => m.start === i) || found.some((f) => f.start === i);
  for (const [from, to] of clauses(tokens, cues)) {
    for (let i = from; i < to; i++) {
      const same = longestAt(tokens, i, table.same);
      const apart = longestAt(tokens, i, table.apart);
      const length = Math.max(same, apart);
      if (length === 0) continue;
      const said = assertRelation(cues, transparent, tokens, { from, at: i }, read);
      if (said === 'hedged' || said === 'scope') readings.add('unclear');
      else readings.add((said === 'negated') !== apart > same ? 'apart' : 'same');
      i += length - 1;
    }
  }
  if (readings.size === 0) return undefined;
  return readings.size === 1 ? [...readings][0] : 'unclear';
}

/** When a method is said to be done: on named days, every day, some days, no day said, or unreadable. */
type When =
  | { readonly kind: 'none' | 'every' | 'some' | 'mixed' }
  | { readonly kind: 'named'; readonly days: ReadonlySet<string> };

/** A stretch of a clause holding one method's days: "and", "plus", "then" begin another. */
const STRETCH = new Set(['and', '&', 'plus', 'then']);

function byDaysSaid(table: DayTable, { tokens, cues, mentions, pairs }: MethodsSaid): DayReading {
  const when = new Map<string, When>();
  for (const [from, to] of clauses(tokens, cues, STRETCH)) {
    const here = mentions.filter((m) => m.start >= from && m.start < to);
    if (here.length === 0) continue;
    const said = whenSaid(table, tokens, from, to);
    // Two methods and two days in one stretch: which goes with which is not said.
    const methods = new Set(here.map((m) => m.method));
    const stretch: When = methods.size > 1 && said.kind === 'named' && said.days.size > 1 ? { kind: 'mixed' } : said;
    for (const m of methods) when.set(m, merge(when.get(m), stretch));
  }
  if ([...when.values()].every((w) => w.kind === 'none')) return undefined;
  const meets = pairs
    .filter(([a, b]) => a.method !== b.method)
    .map(([a, b]) => meet(when.get(a.method) ?? { kind: 'none' }, when.get(b.method) ?? { kind: 'none' }));
  if (meets.length === 0) return undefined;
  if (meets.includes('same')) return 'same';
  return meets.includes('unclear') ? 'unclear' : 'apart';
}

/** The days, or the frequency, said in one stretch. */
function whenSaid(table: DayTable, tokens: readonly string[], from: number, to: number): When {
  const days = new Set<string>();
  const kinds = new Set<'every' | 'some'>();
  for (let i = from; i < to; i++) {
    let length = 0;
    let day: string | undefined;
    for (const entry of table.days) {
      const m = matchAt(tokens, i, entry.pattern);
      if (!m || m.length <= length) continue;
      length = m.length;
      day = entry.day ?? `#${m.numbers.join('.')}`;
    }
    const every = longestAt(tokens, i, table.every);
    const some = longestAt(tokens, i, table.some);
    if (Math.max(every, some) > length) {
      kinds.add(some > every ? 'some' : 'every');
      length = Math.max(every, some);
    } else if (day) days.add(day);
    if (length > 0) i += length - 1;
  }
  if (days.size > 0) return kinds.size > 0 ? { kind: 'mixed' } : { kind: 'named', days };
  if (kinds.size > 1) return { kind: 'mixed' };
  const [kind] = kinds;
  return { kind: kind ?? 'none' };
}

function merge(a: When | undefined, b: When): When {
  if (!a || a.kind === 'none') return b;
  if (b.kind === 'none') return a;
  if (a.kind === 'named' && b.kind === 'named') return { kind: 'named', days: new Set([...a.days, ...b.days]) };
  return a.kind === b.kind && a.kind !== 'named' ? a : { kind: 'mixed' };
}

/** Whether two methods meet on a day: both every day, or every day with one whose days are not said, do. */
function meet(a: When, b: When): Exclude<DayReading, undefined> {
  if (a.kind === 'named' && b.kind === 'named') return [...a.days].some((d) => b.days.has(d)) ? 'same' : 'apart';
  const loose = (w: When) => w.kind === 'none' || w.kind === 'every';
  return loose(a) && loose(b) ? 'same' : 'unclear';
}
