import type { AssertionCues, CueKind } from './cues.js';
import type { Found, FoundCue } from './extract.js';
import { COLON, COMMA, endsSentence, isBoundary, QUESTION } from './normalise.js';

/** Why a phrase's reading is not sure enough to decide on. */
export type Doubt =
  | { readonly kind: 'scope' }
  | { readonly kind: 'hedge' }
  | { readonly kind: 'proximity' }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'days' }
  | { readonly kind: 'distance' }
  | { readonly kind: 'when' }
  | { readonly kind: 'treatment' }
  | { readonly kind: 'typo'; readonly typed: string; readonly read: string; readonly other?: string };

/** A phrase with its assertion: negated or not, a what-if or not, and any doubt about it. */
export interface Mention extends Found {
  readonly negated: boolean;
  readonly hypothetical: boolean;
  /** A proximity cue governs it ("abutting the cord", "kidney nearby"). */
  readonly proximate: boolean;
  /** It is someone else's ("family hx: father w/ colon ca"): no fact of this patient. */
  readonly other: boolean;
  readonly doubt?: Doubt;
}

// "photons vs electrons" offers alternatives as "or" does.
const OR_WORDS = new Set(['or', 'nor', 'either', 'neither', 'vs', 'versus']);
const AND_WORDS = new Set(['and', '&', 'plus', 'with', 'as', 'well']);

interface Draft {
  negated: boolean;
  hypothetical: boolean;
  proximate: boolean;
  other: boolean;
  doubt?: Doubt;
}

/**
 * Settles each phrase's assertion the NegEx/ConText way. A clause runs to a sentence boundary
 * or a terminator. A negation before a phrase reaches the first phrase after it and, through
 * an "or" list, the ones after that; one after a phrase ("prior RT: none") reaches back. When
 * anything but transparent words stands between, or an "and" joins the list, the reading is
 * kept but marked doubtful, so a decisive fact is asked about rather than guessed.
 */
export function assertMentions(
  tokens: readonly string[],
  found: readonly Found[],
  cues: readonly FoundCue[],
  vocabulary: AssertionCues,
): Mention[] {
  const drafts: Draft[] = found.map((f) => ({
    negated: false,
    hypothetical: false,
    proximate: false,
    other: false,
    ...(f.shaky ? { doubt: { kind: 'typo', ...f.shaky } as Doubt } : {}),
  }));
  // Where each position's clause ends and starts, computed once: a sentence boundary or a
  // terminator closes a clause.
  const terminatorStarts = new Set(cues.filter((c) => c.kinds.includes('terminator')).map((c) => c.start));
  const terminatorEnds = new Set(cues.filter((c) => c.kinds.includes('terminator')).map((c) => c.end));
  const ends: number[] = new Array(tokens.length + 1).fill(tokens.length);
  for (let k = tokens.length - 1; k >= 0; k--) {
    ends[k] = endsSentence(tokens[k]) || terminatorStarts.has(k) ? k : (ends[k + 1] as number);
  }
  const starts: number[] = new Array(tokens.length + 1).fill(0);
  for (let k = 1; k <= tokens.length; k++) {
    starts[k] = endsSentence(tokens[k - 1]) || terminatorEnds.has(k) ? k : (starts[k - 1] as number);
  }
  const clauseEnd = (from: number) => ends[from] ?? tokens.length;
  const clauseStart = (from: number) => starts[from] ?? 0;
  const payerStarts = new Set(found.filter((f) => f.phrase.entry.set.payer !== undefined).map((f) => f.start));
  const proximityCues = cues.filter((c) => c.kinds.includes('proximity'));
  /** The index of the first phrase starting at or after a position (phrases come in order). */
  const firstAtOrAfter = (position: number) => {
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((found[mid] as Found).start < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const predicateStarts = new Set(cues.filter((c) => c.kinds.includes('predicate')).map((c) => c.start));
  const isPredicateAt = (k: number) => predicateStarts.has(k);
  const doubt = (d: Draft, why: Doubt) => {
    d.doubt ??= why;
  };

  for (const cue of cues) {
    const kinds = new Set<CueKind>(cue.kinds);
    if (kinds.has('pseudo') || kinds.has('terminator') || (kinds.size === 1 && kinds.has('predicate'))) continue;
    const end = clauseEnd(cue.end);
    const after: number[] = [];
    for (let i = firstAtOrAfter(cue.end); i < found.length && (found[i] as Found).end <= end; i++) after.push(i);
    if (kinds.has('hypothetical')) {
      for (const i of after) (drafts[i] as Draft).hypothetical = true;
      continue;
    }
    if (kinds.has('other')) {
      const segmentEnd = otherReach(cue);
      for (const i of after) if ((found[i] as Found).end <= segmentEnd) (drafts[i] as Draft).other = true;
      continue;
    }
    // "not sure if the dr wants a bladder boost": a hedge that opens a clause ("if", "whether")
    // hedges all that clause says, to its comma or end.
    if (kinds.has('uncertain') && COMPLEMENTIZERS.has(tokens[cue.end - 1] as string)) {
      let stop = end;
      for (let k = cue.end; k < end; k++) if (tokens[k] === COMMA || tokens[k] === COLON) stop = Math.min(stop, k);
      const hedged = after.filter(
        (i) => (found[i] as Found).end <= stop && (found[i] as Found).phrase.entry.set.payer === undefined,
      );
      for (const i of hedged) doubt(drafts[i] as Draft, { kind: 'hedge' });
      if (hedged.length > 0) continue;
    }
    let forward = kinds.has('pre') || kinds.has('uncertain') ? reachForward(cue, after) : undefined;
    // "in the prior field not near under <payer>": a cue that reads both ways and reaches forward
    // only doubtfully is taken backward when that reading is sure.
    if (forward?.[0] && !forward[0].sure && kinds.has('post') && reachBack(cue).length > 0) forward = undefined;
    if (forward && forward.length > 0) {
      for (const { index, sure } of forward) {
        const draft = drafts[index] as Draft;
        if (kinds.has('uncertain')) doubt(draft, { kind: 'hedge' });
        else {
          draft.negated = true;
          if (!sure) doubt(draft, { kind: 'scope' });
        }
      }
      continue;
    }
    if (kinds.has('post') || kinds.has('uncertain')) {
      for (const index of reachBack(cue)) {
        const draft = drafts[index] as Draft;
        if (kinds.has('post')) draft.negated = true;
        else doubt(draft, { kind: 'hedge' });
      }
    }
  }
  for (const [i, f] of found.entries()) {
    const draft = drafts[i] as Draft;
    draft.proximate = proximityCues.some((c) => governs(c, f));
    const { asserts } = f.phrase.entry;
    if (asserts === 'doubt') doubt(draft, { kind: 'ambiguous' });
    else if (asserts === 'near' && !draft.proximate && !draft.negated) doubt(draft, { kind: 'proximity' });
  }
  // Field by field, not spread: phrases come from three finders in three shapes, and a spread
  // of mixed shapes was the dearest line of reading a question.
  return found.map((f, i) => {
    const d = drafts[i] as Draft;
    const mention: Mention = {
      phrase: f.phrase,
      start: f.start,
      end: f.end,
      fuzzy: f.fuzzy,
      negated: d.negated,
      hypothetical: d.hypothetical,
      proximate: d.proximate,
      other: d.other,
    };
    return f.shaky || d.doubt
      ? { ...mention, ...(f.shaky ? { shaky: f.shaky } : {}), ...(d.doubt ? { doubt: d.doubt } : {}) }
      : mention;
  });

  /** Where someone else's segment ends: at a comma or the clause's end; a colon right after the cue is its label. */
  function otherReach(cue: FoundCue): number {
    const end = clauseEnd(cue.end);
    const from = tokens[cue.end] === COLON ? cue.end + 1 : cue.end;
    for (let k = from; k < end; k++) if (tokens[k] === COMMA || tokens[k] === COLON) return k;
    return end;
  }

  /** Whether a cue stands next to a phrase in its clause, with only transparent words between. */
  function governs(cue: FoundCue, f: Found): boolean {
    const quiet = (from: number, to: number) =>
      tokens.slice(from, to).every((t) => vocabulary.transparent.has(t) || /^\d+$/.test(t));
    if (cue.end <= f.start) return quiet(cue.end, f.start);
    // After the phrase, only as the clause's last word ("cord is close", "kidney nearby"):
    // in "prior RT close to the cord" the cue is about the cord.
    return f.end <= cue.start && quiet(f.end, cue.start) && quietToSegmentEnd(cue.end);
  }

  /** The phrases a forward cue reaches: the first (sure if only transparent words precede it), then an or-list. */
  function reachForward(cue: FoundCue, after: readonly number[]): { index: number; sure: boolean }[] | undefined {
    // A payer is negated only when the negation stands right before it ("not <payer A>, <payer B>").
    const reachable = after.filter((i) => {
      const f = found[i] as Found;
      return f.phrase.entry.set.payer === undefined || f.start === cue.end;
    });
    const [first, ...rest] = reachable;
    if (first === undefined) return undefined;
    const gap = tokens.slice(cue.end, (found[first] as Found).start);
    // "not covered for palliative": the negation is about what is asked, not about the case.
    for (let k = cue.end; k < (found[first] as Found).start; k++) if (isPredicateAt(k)) return [];
    if (gap.includes(COMMA) || gap.includes(COLON)) return [];
    const sure = gap.every((t) => vocabulary.transparent.has(t));
    const reached = [{ index: first, sure }];
    let previous = found[first] as Found;
    let listSure = sure;
    for (const index of rest) {
      const next = found[index] as Found;
      // An item that itself says "no" ("one IGRT method", "free breathing") ends a negated list:
      // "no tracking, one method" is two statements, not a double negative.
      if (saysNo(next)) break;
      const joint = tokens.slice(previous.end, next.start).filter((t) => !DETERMINERS.has(t));
      // A comma list is one only if it goes straight on to its "or"/"and" and another item of
      // its kind: in "without tracking, fiducials with <payer>" the "with" joins the payer.
      const following = found.find((f) => f.start >= next.end);
      const goesOn = following && following.start <= clauseEnd(cue.end) && following.phrase.group === next.phrase.group;
      const rest = tokens.slice(next.end, goesOn ? following.start : next.end);
      const kind = listJoint(joint, next.phrase.group === previous.phrase.group, rest);
      if (kind === 'none') break;
      if (kind === 'and') listSure = false;
      reached.push({ index, sure: listSure });
      previous = next;
    }
    return reached;
  }

  /**
   * Whether only transparent words follow, up to the end of the clause or of its segment (a
   * comma, a colon, a predicate, a payer: "prior RT: none - IGRT covered?", "… absent under <payer>").
   */
  function quietToSegmentEnd(from: number): boolean {
    const end = clauseEnd(from);
    for (let k = from; k < end; k++) {
      const t = tokens[k] as string;
      if (t === COMMA || t === COLON || isPredicateAt(k)) return true;
      if (payerStarts.has(k)) return true;
      if (!vocabulary.transparent.has(t)) return false;
      // "left breast, not right": a word that only leads into what follows ("right next to") is,
      // with nothing after it, a word of its own, and the negation is about it.
      if (LEADING.has(t) && (k + 1 >= end || isBoundary(tokens[k + 1]))) return false;
    }
    return true;
  }

  /** The phrases a backward cue reaches: the nearest before it in its clause, with its or-list. */
  function reachBack(cue: FoundCue): number[] {
    // A negation reaches back only from the end of its clause or segment ("prone not supine"
    // is the forward reading, "rectal, not near critical" too); after a question it answers it
    // ("prior RT? no", "curative? no, palliative").
    if (!quietToSegmentEnd(cue.end)) return [];
    // "IMRT is not approved": a "not" that meets a predicate first is about the predicate, not
    // the fact before it ("prior RT: none - IGRT?" still negates).
    if (cue.end - cue.start === 1 && tokens[cue.start] === 'not') {
      let k = cue.end;
      while (k < tokens.length && vocabulary.transparent.has(tokens[k] as string)) k += 1;
      if (isPredicateAt(k)) return [];
    }
    // "prone on the belly board? we are not sure yet": a subject and a verb before the answer still answer the question.
    let asked = cue.start - 1;
    while (asked > 0 && ANSWER_LEAD.has(tokens[asked] as string)) asked--;
    const answersQuestion = tokens[asked] === QUESTION;
    const start = clauseStart(answersQuestion ? asked : cue.start);
    const before = found.flatMap((f, i) => (f.end <= cue.start && f.start >= start ? [i] : []));
    const last = before.at(-1);
    if (last === undefined) return [];
    // "<payer A> denied IGRT": what a payer did, not a negation of the payer; "<payer A>? no" still answers.
    if ((found[last] as Found).phrase.entry.set.payer !== undefined && !answersQuestion) return [];
    const gap = tokens.slice((found[last] as Found).end, cue.start);
    const marks = [COLON, COMMA, QUESTION];
    if (!gap.every((t) => marks.includes(t) || vocabulary.transparent.has(t) || (answersQuestion && ANSWER_LEAD.has(t))))
      return [];
    if (gap.filter((t) => marks.includes(t)).length > 1) return [];
    const reached = [last];
    for (let k = before.length - 2; k >= 0; k--) {
      const here = found[before[k] as number] as Found;
      const joint = tokens.slice(here.end, (found[reached.at(-1) as number] as Found).start).filter((t) => !DETERMINERS.has(t));
      if (!joint.some((t) => OR_WORDS.has(t)) || !joint.every((t) => OR_WORDS.has(t) || t === COMMA)) break;
      reached.push(before[k] as number);
    }
    return reached;
  }
}

const DETERMINERS = new Set(['a', 'an', 'the', 'any']);
/** Words that may open the answer to a question before what answers it ("? we are not sure yet", "? honestly no"). */
const ANSWER_LEAD: ReadonlySet<string> = new Set([
  'we',
  'i',
  'they',
  'he',
  'she',
  'it',
  'are',
  'am',
  'is',
  'was',
  'were',
  'still',
  'honestly',
  'tbh',
  'really',
  'um',
  'hmm',
  'well',
]);
/** Transparent words that lead into the words after them ("right next to", "directly under"). */
const LEADING: ReadonlySet<string> = new Set(['right', 'directly', 'immediately', 'just', 'very']);

/**
 * How two phrases in a negation's reach are joined: an "or" list carries the negation surely;
 * an "and" list carries it with doubt ("no prior RT and the cord nearby"); anything else ends it.
 * A bare comma joins list items only of one kind that go on to an "or"/"and" ("no prior RT,
 * cord or bowel nearby"): after "no prior RT, 3DCRT lung" the comma starts new information.
 */
function listJoint(joint: readonly string[], sameKind: boolean, rest: readonly string[]): 'or' | 'and' | 'none' {
  const kind = (words: readonly string[]) => {
    const plain = words.filter((t) => !DETERMINERS.has(t));
    if (plain.length === 0) return 'none';
    if (plain.every((t) => OR_WORDS.has(t) || t === COMMA) && plain.some((t) => OR_WORDS.has(t))) return 'or';
    if (plain.every((t) => AND_WORDS.has(t) || t === COMMA) && plain.some((t) => AND_WORDS.has(t))) return 'and';
    return 'none';
  };
  const joined = kind(joint);
  if (joined !== 'none') return joined;
  if (joint.length !== 1 || joint[0] !== COMMA || !sameKind) return 'none';
  // "not prone, supine" corrects rather than lists: a comma list needs its "or"/"and".
  return kind(rest);
}

/** Whether a phrase only states facts as false (a negative statement of its own). */
function saysNo(f: Found): boolean {
  const values = Object.values(f.phrase.entry.set);
  return values.length > 0 && values.every((v) => v === false);
}

/** Words that open a clause a hedge before them covers whole ("not sure if …", "unclear whether …", "nobody knows where …"). */
const COMPLEMENTIZERS: ReadonlySet<string> = new Set(['if', 'whether', 'where']);
