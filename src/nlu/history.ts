import type { Found, FoundCue } from './extract.js';
import { COLON, endsSentence } from './normalise.js';
import { longestAt, type Pattern } from './patterns.js';
import { otherTreatmentAt, type ReirradiationTable } from './reirradiation.js';

/**
 * Lines of history in a pasted chart ("Hx: SBRT 54/3 to a RUL nodule in 2021", "Prior: 3000 cGy
 * to L3–L5 in 03/2022"): a history label, a colon, and what follows to the sentence's end.
 */
export function historySpans(
  labels: readonly Pattern[],
  tokens: readonly string[],
): { label: readonly string[]; from: number; to: number }[] {
  const spans: { label: readonly string[]; from: number; to: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // A label starts its line: at the message's start or after a sentence's end.
    if (i > 0 && !endsSentence(tokens[i - 1])) continue;
    const n = longestAt(tokens, i, labels);
    if (n === 0 || tokens[i + n] !== COLON) continue;
    let to = i + n + 1;
    while (to < tokens.length && !endsSentence(tokens[to])) to++;
    spans.push({ label: tokens.slice(i, i + n), from: i + n + 1, to });
    i = to;
  }
  return spans;
}

/** What the lines of history say: the phrases they name (an earlier course's), and whether radiation was given in them. */
export interface HistoryReading {
  /** Modality phrases in a line of history: the earlier course's, not this one's. */
  readonly earlier: readonly Found[];
  /** Radiation was given in a line of history (a dose, "SBRT", "RT"). */
  readonly radiation: boolean;
  /** …to a vertebral level the rest of the message names too. */
  readonly samePlace: boolean;
}

export function readHistory(
  table: ReirradiationTable,
  tokens: readonly string[],
  found: readonly Found[],
  past: readonly { readonly from: number; readonly to: number }[] = [],
): HistoryReading | undefined {
  const lines = historySpans(table.historyLabels, tokens);
  if (lines.length === 0 && past.length === 0) return undefined;
  const inLine = (i: number) => lines.some(({ from, to }) => i >= from && i < to);
  // A modality in a clause set in the past gives way only to one stated now (inPastClause); a line's is the earlier course's.
  const earlier = found.filter((f) => f.phrase.entry.set.modality !== undefined && inLine(f.start));
  const spans = [...lines, ...past];
  const inside = (i: number) => spans.some(({ from, to }) => i >= from && i < to);
  let radiation = past.length > 0;
  for (const { label, from, to } of lines) {
    // "RT hx: R hip 2023": a label that names radiation says the line is radiation, unless it says none.
    const saysRadiation = label.some((_, k) => longestAt(label, k, table.given) > 0);
    if (saysRadiation && from < to && !NONE.has(tokens[from] as string)) radiation = true;
    for (let i = from; i < to && !radiation; i++) radiation = longestAt(tokens, i, table.given) > 0;
  }
  if (!radiation) return { earlier, radiation, samePlace: false };
  const then = new Set<string>();
  const now = new Set<string>();
  levels(tokens, (i, place) => (inside(i) ? then : now).add(place));
  return { earlier, radiation, samePlace: [...then].some((p) => now.has(p)) };
}

/** Vertebral levels named ("L4", each level of "L3–L5"), with where each stands. */
function levels(tokens: readonly string[], add: (at: number, place: string) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const level = LEVEL.exec(tokens[i] as string);
    if (!level) continue;
    const [, region, n] = level;
    // A range: "l3 l5", "l3 to l5", "l3 through l5", "t10 12".
    const j = RANGE_WORDS.has(tokens[i + 1] as string) ? i + 2 : i + 1;
    const end = LEVEL.exec(tokens[j] as string) ?? /^(\d{1,2})$/.exec(tokens[j] as string);
    const last = end && (end.length === 3 ? end[1] === region && Number(end[2]) : Number(end[1]));
    const from = Number(n);
    const to = typeof last === 'number' && last > from && last - from < 12 ? last : from;
    for (let k = from; k <= to; k++) add(i, `${region}${k}`);
    if (to > from) i = j;
  }
}

/** What a line of history says when there is none. */
const NONE: ReadonlySet<string> = new Set(['none', 'no', 'denies', 'denied', 'negative', 'nil', 'n', 'na', 'never', 'not']);

const LEVEL = /^([ctls])(\d{1,2})$/;
const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'through', 'thru']);

/**
 * Whether a phrase stands in a clause set in the past ("1st course 2021 was electrons to the
 * scalp", "vaginal cuff HDR 2 yrs ago"): where another modality is said now, the dated one is an
 * earlier course's. A clause that says "now" or "plan" is this course's.
 */
export function inPastClause(
  table: ReirradiationTable,
  tokens: readonly string[],
  clauses: readonly { readonly from: number; readonly to: number }[],
): (f: Found) => boolean {
  let dated: (typeof clauses)[number][] | undefined;
  return (f) => {
    dated ??= clauses.filter(({ from, to }) => {
      let past = false;
      for (let i = from; i < to; i++) {
        if (PRESENT.has(tokens[i] as string)) return false;
        past ||= longestAt(tokens, i, table.times) > 0 || COURSE_ORDINALS.has(`${tokens[i]} ${tokens[i + 1]}`);
      }
      return past;
    });
    return dated.some(({ from, to }) => f.start >= from && f.end <= to);
  };
}

/**
 * The clauses that say radiation was given in the past ("got 8 Gy to the R femur last year",
 * "treated with 30 Gy in 10 fx two years ago"): a history of radiation, like a line of it.
 */
export function pastRadiation(
  table: ReirradiationTable,
  tokens: readonly string[],
  clauses: readonly { readonly from: number; readonly to: number }[],
  cues: readonly FoundCue[],
): readonly { readonly from: number; readonly to: number }[] {
  // "her husband had prostate RT in 2019": someone else's radiation is no history of this patient's.
  const others = cues.filter((c) => c.kinds.includes('other'));
  return clauses.filter(({ from, to }) => {
    if (others.some((c) => c.start >= from && c.start < to)) return false;
    let past = false;
    let given = false;
    let treated = false;
    let other = false;
    for (let i = from; i < to; i++) {
      if (PRESENT.has(tokens[i] as string)) return false;
      past ||= longestAt(tokens, i, table.past) > 0;
      given ||= longestAt(tokens, i, table.given) > 0;
      treated ||= longestAt(tokens, i, table.treated) > 0;
      other ||= otherTreatmentAt(table, tokens, i) > 0;
    }
    // "we treated her rectal cancer to the pelvis back in 2019": treated, with nothing but radiation named, may have been irradiated.
    return past && (given || (treated && !other));
  });
}

/** Words that set a clause in this course. */
const PRESENT: ReadonlySet<string> = new Set(['now', 'currently', 'current', 'plan', 'planned', 'planning', 'today', 'this']);
/** "1st course", "first course": the earlier course named by its place in order. */
const COURSE_ORDINALS: ReadonlySet<string> = new Set([
  '1st course',
  'first course',
  'initial course',
  'original course',
  'prior course',
  'previous course',
  'last course',
]);
