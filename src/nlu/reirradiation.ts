import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { Found, FoundCue } from './extract.js';
import { expandClasses } from './lexicon.js';
import { assertRelation, clauses, compilePattern, longestAt, matchAt, type Pattern } from './patterns.js';

export const ReirradiationFile = lazySchema(() =>
  z.strictObject({
    relations: z.strictObject({
      needsReference: z.array(z.string().min(1)),
      selfReferring: z.array(z.string().min(1)),
      measured: z.array(z.string().min(1)),
    }),
    references: z.array(z.string().min(1)).min(1),
    samePlace: z.strictObject({
      determiners: z.array(z.string().min(1)).min(1),
      places: z.array(z.string().min(1)).min(1),
      treated: z.array(z.string().min(1)).min(1),
      times: z.array(z.string().min(1)).min(1),
      given: z.array(z.string().min(1)).default([]),
      /** Places said without a determiner, after the treated predicate ("got 20 Gy there"). */
      proforms: z.array(z.string().min(1)).default([]),
      /** Treatments that are not radiation: a place "treated" with one of them may not have been irradiated. */
      otherTreatments: z.array(z.string().min(1)).default([]),
    }),
    /** A labelled line of history ("Hx:", "Prior RT:"): what it names is an earlier course. */
    history: z.strictObject({
      labels: z.array(z.string().min(1)).min(1),
      /** What sets a clause in the past, so that radiation given in it is an earlier course's. */
      past: z.array(z.string().min(1)).default([]),
    }),
  }),
);

/** The composed-reading vocabulary, tokenised once at load. */
export interface ReirradiationTable {
  readonly needsReference: readonly Pattern[];
  readonly selfReferring: readonly Pattern[];
  readonly measured: readonly Pattern[];
  readonly references: readonly Pattern[];
  /** "that area", "the same vertebra": every determiner with every place. */
  readonly places: readonly Pattern[];
  /** "there": a place said without a determiner, after the treated predicate. */
  readonly proforms: readonly Pattern[];
  /** "got", "was treated": what says a place was treated. */
  readonly treated: readonly Pattern[];
  /** What places that treatment before this course ("in 2022", "ago"). */
  readonly times: readonly Pattern[];
  /** What was given, which alone does not say when ("20/5", "SBRT"). */
  readonly given: readonly Pattern[];
  /** Treatments other than radiation ("resection", "TACE"). */
  readonly otherTreatments: readonly Pattern[];
  /** Labels of a line of history ("Hx:", "Prior RT:"). */
  readonly historyLabels: readonly Pattern[];
  /** What sets a clause in the past ("two years ago", "in 2021"). */
  readonly past: readonly Pattern[];
}

/**
 * Loads intents/reirradiation.yaml. Its places may name the lexicon's word classes ("that
 * {bonename}"), so the skeleton's bones are places without being listed twice.
 */
export function loadReirradiation(
  classes: Readonly<Record<string, readonly string[]>>,
  file = projectPath('intents', 'reirradiation.yaml'),
): ReirradiationTable {
  const data = loadYaml(file, ReirradiationFile);
  const tok = (list: readonly string[]) => list.map(compilePattern);
  const { determiners, treated, times, given, otherTreatments, proforms } = data.samePlace;
  const places = [...new Set(data.samePlace.places.flatMap((p, i) => expandClasses(file, `samePlace.places[${i}]`, p, classes)))];
  return {
    needsReference: tok(data.relations.needsReference),
    selfReferring: tok(data.relations.selfReferring),
    measured: tok(data.relations.measured),
    references: tok(data.references),
    places: placePatterns(determiners, places),
    proforms: tok(proforms),
    treated: tok(treated),
    times: tok(times),
    given: tok(given),
    otherTreatments: tok(otherTreatments),
    historyLabels: tok(data.history.labels),
    past: tok(data.history.past),
  };
}

/**
 * Every determiner with every place ("that area", "the same hip"), each side tokenised once and
 * joined: with the skeleton's bones there are some 1,400, and tokenising each whole was a
 * tenth of a cold start. Joined tokens are the whole phrase's tokens (a test holds the data to it).
 */
export function placePatterns(determiners: readonly string[], places: readonly string[]): Pattern[] {
  const placeTokens = places.map(compilePattern);
  return determiners.map(compilePattern).flatMap((d) => placeTokens.map((p) => [...d, ...p]));
}

/**
 * What a clause's composed reading came to: read as stated, negated, to confirm because of a
 * hedge, a negation whose reach is unclear, only a distance ("3 mm from the cord": close or
 * not is the policy's call), or a treatment with no time ("that area got 20/5": this course or
 * an earlier one?), or a treatment said with a treatment other than radiation ("that lobe was
 * treated with a wedge resection in 2021": irradiated or not?), or nothing.
 */
export type Composed = 'stated' | 'negated' | 'hedged' | 'measured' | 'undated' | 'scope' | 'otherTreatment' | undefined;

/** An organ at risk as the lexicon marks it: a mention that says closeness only with a relation or a proximity cue. */
export function isOrganAtRisk(found: Found): boolean {
  return found.phrase.entry.set.criticalStructure === true && found.phrase.entry.asserts === 'near';
}

/** A question as the composed readings need it: its tokens, cues, the words a negation reaches across, and the phrases read. */
export interface ClauseText {
  readonly tokens: readonly string[];
  readonly cues: readonly FoundCue[];
  readonly transparent: ReadonlySet<string>;
  readonly found: readonly Found[];
}

/**
 * One clause of a question as the composed readings see it: its span, its first relation and
 * whether a reference to earlier treatment stands outside the relations, and its same-place
 * statement if it holds one.
 */
export interface Clause {
  readonly from: number;
  readonly to: number;
  readonly relation?: Relation;
  readonly reference: boolean;
  readonly parts?: SamePlaceParts;
}

/**
 * A question's clauses read once for every composed reading (six read them, and each splitting
 * the text and matching every word of every clause again was most of what reading a question
 * cost), with where a reference to earlier treatment ("prior", "2019") starts, word by word.
 */
export interface ClauseReadings {
  readonly clauses: readonly Clause[];
  readonly referenceAt: readonly boolean[];
}

export function readClauses(table: ReirradiationTable, tokens: readonly string[], cues: readonly FoundCue[]): ClauseReadings {
  const referenceAt = tokens.map((_, i) => longestAt(tokens, i, table.references) > 0);
  const read = clauses(tokens, cues).map(([from, to]): Clause => {
    const { relation, reference } = clause(table, tokens, referenceAt, from, to);
    const parts = samePlaceParts(table, tokens, from, to);
    return { from, to, reference, ...(relation ? { relation } : {}), ...(parts ? { parts } : {}) };
  });
  return { clauses: read, referenceAt };
}

/**
 * Reads re-irradiation composed in one clause: a relation plus a reference to earlier
 * treatment, or a relation that is itself one. A negation before the relation, or one whose
 * reach is unclear, leaves it unread (the default, no, stands); a hedge or a bare distance
 * makes it a reading to confirm.
 */
export function composedReirradiation(text: ClauseText, read: ClauseReadings): Composed {
  const readings = read.clauses.map(({ from, relation, reference }) =>
    relation && (relation.self || reference) ? assertion(text, from, relation) : undefined,
  );
  const found = strongest(readings);
  return found === 'negated' || found === 'scope' ? undefined : found;
}

/**
 * Reads closeness to an organ at risk composed in one clause: a relation ("abuts", "overlapping",
 * "within 5 mm of") and an organ at risk ("the spinal cord", "the optic chiasm"), in either order.
 * A relation that is itself re-treatment ("retreating") says nothing about an organ.
 */
export function composedOrganProximity(text: ClauseText, read: ClauseReadings): Composed {
  const organs = text.found.filter(isOrganAtRisk);
  if (organs.length === 0) return undefined;
  const readings = read.clauses.map(({ from, to, relation }) => {
    const organ = organs.some((o) => o.start >= from && o.end <= to);
    return relation && !relation.self && organ ? assertion(text, from, relation) : undefined;
  });
  return strongest(readings);
}

/**
 * Lexicon readings of re-irradiation that are only a relation ("same region") aimed at an organ
 * at risk in a clause with no reference to earlier treatment: "same region as the cord" says
 * where the target is, not that it was treated before.
 */
export function relationsAimedAtOrgans(
  table: ReirradiationTable,
  tokens: readonly string[],
  found: readonly Found[],
  read: ClauseReadings,
): Set<Found> {
  const aimed = new Set<Found>();
  const organs = found.filter(isOrganAtRisk);
  if (organs.length === 0) return aimed;
  for (const { from, to } of read.clauses) {
    if (!organs.some((o) => o.start >= from && o.end <= to)) continue;
    const bare = found.filter(
      (f) =>
        f.start >= from &&
        f.end <= to &&
        f.phrase.entry.set.priorIrradiation === true &&
        table.needsReference.some((p) => matchAt(tokens, f.start, p)?.length === f.end - f.start),
    );
    if (bare.length === 0) continue;
    let referenced = false;
    for (let i = from; i < to && !referenced; i++)
      referenced = read.referenceAt[i] === true && !bare.some((f) => i >= f.start && i < f.end);
    if (!referenced) for (const f of bare) aimed.add(f);
  }
  return aimed;
}

/**
 * Reads re-irradiation from the same place, composed in one clause: a place said to be the
 * target's own ("that area", "the same vertebra"), a treated predicate ("got", "was irradiated")
 * and a time before this course ("in 2022", "two years ago"), each in words of its own, in any
 * order. With only what was given ("that area got 20/5", "got SBRT"), which may be this course,
 * it is a reading to confirm. A negation reaches it at the predicate ("that area never got RT",
 * "we never treated that area") or at a reference after it ("that area got no RT") in the NegEx
 * manner (see assertRelation): unlike a relation's, it is read, as the statement says where.
 * Negated at the predicate it needs no reference: "that area was never treated" speaks of the past.
 */
export function composedSamePlace(text: ClauseText, read: ClauseReadings): Composed {
  const readings = read.clauses.map(({ from, parts }) => {
    if (!parts) return undefined;
    const isRead = (i: number) => text.found.some((f) => f.start === i);
    const assert = (span: { from: number; at: number }) => assertRelation(text.cues, text.transparent, text.tokens, span, isRead);
    const atPredicate = assert({ from, at: parts.treated });
    if (atPredicate === 'negated') return 'negated';
    if (!parts.when && !parts.given) return undefined;
    const said = [atPredicate, ...(parts.after === undefined ? [] : [assert({ from: parts.treatedEnd, at: parts.after })])];
    const doubt = (['negated', 'scope', 'hedged'] as const).find((s) => said.includes(s));
    // "That liver was treated with TACE in 2022": treated, but not said to be with radiation.
    if (!doubt && parts.other && !parts.given) return 'otherTreatment';
    return doubt ?? (parts.when ? 'stated' : 'undated');
  });
  return strongest(readings);
}

/** Where a clause's same-place statement stands (see samePlaceParts). */
interface SamePlaceParts {
  readonly place: number;
  readonly placeEnd: number;
  readonly treated: number;
  readonly treatedEnd: number;
  readonly when: boolean;
  readonly given: boolean;
  readonly other: boolean;
  readonly after?: number;
}

/**
 * Where a clause's place and treated predicate stand (the first of each), whether a time and
 * what was given are there, and the first reference of either after the predicate.
 */
function samePlaceParts(
  table: ReirradiationTable,
  tokens: readonly string[],
  from: number,
  to: number,
): SamePlaceParts | undefined {
  let place = -1;
  let placeEnd = -1;
  let treated = -1;
  let treatedEnd = -1;
  let other = false;
  const when: number[] = [];
  const given: number[] = [];
  for (let i = from; i < to; i++) {
    const p = longestAt(tokens, i, table.places);
    const t = p > 0 ? 0 : longestAt(tokens, i, table.treated);
    const w = p > 0 || t > 0 ? 0 : longestAt(tokens, i, table.times);
    const g = p > 0 || t > 0 || w > 0 ? 0 : longestAt(tokens, i, table.given);
    const o = p > 0 || t > 0 || w > 0 || g > 0 ? 0 : otherTreatmentAt(table, tokens, i);
    if (p > 0 && place < 0) [place, placeEnd] = [i, i + p];
    if (t > 0 && treated < 0) [treated, treatedEnd] = [i, i + t];
    if (w > 0) when.push(i);
    if (g > 0) given.push(i);
    if (o > 0) other = true;
    i += Math.max(p, t, w, g, o, 1) - 1;
  }
  // "got 20 Gy there in 2023": a place without a determiner, after the predicate.
  if (place < 0 && treated >= 0)
    for (let i = treatedEnd; i < to && place < 0; i++) {
      const n = longestAt(tokens, i, table.proforms);
      if (n > 0) [place, placeEnd] = [i, i + n];
    }
  if (place < 0 || treated < 0) return undefined;
  let after: number | undefined;
  for (const i of [when, given].flat()) if (i >= treatedEnd && (after === undefined || i < after)) after = i;
  const found = { place, placeEnd, treated, treatedEnd, when: when.length > 0, given: given.length > 0, other };
  return after === undefined ? found : { ...found, after };
}

/**
 * Lexicon readings of re-irradiation that are the place of a same-place statement: "same area"
 * alone may say re-treatment, but in "the same area was never treated" or "same area got 20/5"
 * the statement around it says whether and when that place was treated (composedSamePlace).
 */
export function placesSaidTreated(found: readonly Found[], read: ClauseReadings): Set<Found> {
  const places = new Set<Found>();
  const prior = found.filter((f) => f.phrase.entry.set.priorIrradiation === true);
  if (prior.length === 0) return places;
  for (const { parts } of read.clauses) {
    if (!parts) continue;
    for (const f of prior) if (f.start >= parts.place && f.end <= parts.placeEnd) places.add(f);
  }
  return places;
}

/**
 * Modality phrases that name the earlier treatment, not this one: between a same-place statement's
 * treated predicate and the last reference to earlier treatment after it ("that lobe got SBRT in
 * 2023"; a modality is no such reference here), or between a
 * relation and the last reference after it ("overlaps the SRS cavity treated 2024"). A relation
 * that is itself re-treatment ("retreating with SBRT") names this treatment and is not read so.
 */
export function earlierTreatments(found: readonly Found[], read: ClauseReadings): Set<Found> {
  const earlier = new Set<Found>();
  const modalities = found.filter((f) => f.phrase.entry.set.modality !== undefined);
  if (modalities.length === 0) return earlier;
  for (const { to, parts, relation } of read.clauses) {
    const spans: [number, number][] = [];
    const last = (after: number) => {
      let at = -1;
      for (let i = after; i < to; i++) if (read.referenceAt[i]) at = i;
      return at;
    };
    if (parts) spans.push([parts.treatedEnd, last(parts.treatedEnd)]);
    if (relation && !relation.self) spans.push([relation.at + 1, last(relation.at + 1)]);
    for (const f of modalities)
      if (spans.some(([start, end]) => f.start >= start && f.start <= end && f.end <= to)) earlier.add(f);
  }
  return earlier;
}

interface Relation {
  readonly at: number;
  readonly self: boolean;
  readonly measured: boolean;
}

/**
 * A clause's first relation and whether a reference stands outside the relations. At a word
 * where several kinds of relation start, the longest wins; on a tie, a self-referring one, then
 * one that needs a reference.
 */
function clause(
  table: ReirradiationTable,
  tokens: readonly string[],
  referenceAt: readonly boolean[],
  from: number,
  to: number,
): { relation?: Relation; reference: boolean } {
  let relation: Relation | undefined;
  let reference = false;
  for (let i = from; i < to; i++) {
    let n = longestAt(tokens, i, table.selfReferring);
    let self = true;
    let measured = false;
    const near = longestAt(tokens, i, table.needsReference);
    if (near > n) [n, self] = [near, false];
    const distance = longestAt(tokens, i, table.measured);
    if (distance > n) [n, self, measured] = [distance, false, true];
    if (n > 0) {
      relation ??= { at: i, self, measured };
      i += n - 1;
      continue;
    }
    if (referenceAt[i]) reference = true;
  }
  return relation ? { relation, reference } : { reference };
}

/** How the relation is asserted in its clause (see assertRelation); a bare distance is only a reading to confirm. */
function assertion(text: ClauseText, from: number, relation: Relation): Composed {
  const read = (i: number) => text.found.some((f) => f.start === i);
  const said = assertRelation(text.cues, text.transparent, text.tokens, { from, at: relation.at }, read);
  if (said === 'affirmed') return relation.measured ? 'measured' : 'stated';
  return said;
}

/** One reading over all clauses: any stated wins, then a reading to confirm, then a negation. */
function strongest(readings: readonly Composed[]): Composed {
  for (const r of ['stated', 'hedged', 'measured', 'undated', 'otherTreatment', 'scope', 'negated'] as const)
    if (readings.includes(r)) return r;
  return undefined;
}

/** An operation named by its ending ("lumpectomy", "craniotomy", "kyphoplasty") is a treatment other than radiation. */
const OPERATION = /(?:ectomy|ectomies|otomy|ostomy|plasty)$/;

/** The length of a treatment other than radiation named at a word: listed (`otherTreatments`) or an operation by its ending. */
export function otherTreatmentAt(table: ReirradiationTable, tokens: readonly string[], at: number): number {
  return longestAt(tokens, at, table.otherTreatments) || (OPERATION.test(tokens[at] ?? '') ? 1 : 0);
}
