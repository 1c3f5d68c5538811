/**
 * Messages about more than one patient ("two quick ones: Pt A (payer 1) prostate … Pt B (payer 2)
 * rib met …"). Their facts are not one case, so the message is cut where each patient's label
 * stands: what comes before the first label is said of all of them, as is a closing question that
 * states nothing of its own ("IGRT ok for each?").
 *
 * A label names a patient ("Pt A", "patient 2", "case 1", "Mr. A") or only numbers an item ("1)",
 * "#2" at a line's start): numbered items may be steps of one case, so they are patients only when
 * each names a payer of its own (the caller decides that).
 */

/** A patient's label: "Pt A", "patient 2", "pt #1", "case B", "Mr. A", "Mrs. B". */
const NAMED = /\b(?:(?:pt|patient|case)\s*#?\s*(?:[ab12]|one|two)|(?:mr|mrs|ms|mx)\.?\s+[a-z])\b(?![.'’]?\w)/gi;

/** A numbered item at a line's start: "1)", "2.", "#1", "(2)". */
const NUMBERED = /(?<=^|\n)[ \t]*(?:\(?[1-3]\)|[1-3]\.(?!\d)|#[1-3]\b)/g;

/** Whether the text names two patients (two different patient labels). */
export function labelsTwoPatients(text: string): boolean {
  return distinctLabels([...text.matchAll(NAMED)]) >= 2;
}

function distinctLabels(matches: readonly RegExpMatchArray[]): number {
  return new Set(matches.map((m) => normaliseLabel(m[0]))).size;
}

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/[\s.#()]+/g, '');
}

export interface PatientPart {
  /** The label as written ("Pt A"). */
  readonly label: string;
  /** What is said of this patient, with what the message says of all of them. */
  readonly text: string;
}

export interface PatientParts {
  readonly parts: readonly PatientPart[];
  /** The labels name patients ("Pt A"), rather than only numbering items ("1)"). */
  readonly named: boolean;
}

/**
 * The message cut into one question per labelled patient or numbered item, or undefined when it
 * has fewer than two. `sharedTail` tells whether a closing sentence says nothing of its own (the
 * caller parses it).
 */
export function patientParts(text: string, sharedTail: (sentence: string) => boolean): PatientParts | undefined {
  const named = [...text.matchAll(NAMED)];
  const numbered = [...text.matchAll(NUMBERED)];
  const useNamed = distinctLabels(named) >= 2;
  const starts = useNamed ? named : numbered;
  if (starts.length < 2 || (!useNamed && distinctLabels(numbered) < 2)) return undefined;
  // The same label twice ("pt A … pt A's PSA") is one patient's, not a new part.
  if (distinctLabels(starts) !== starts.length) return undefined;
  const prefix = text.slice(0, starts[0]?.index ?? 0).trim();
  const pieces = starts.map((m, i) => ({
    label: useNamed ? m[0].trim().replace(/\s+/g, ' ') : `patient ${m[0].replace(/\D/g, '')}`,
    body: text.slice(m.index, starts[i + 1]?.index ?? text.length).trim(),
  }));
  const last = pieces.at(-1);
  if (last === undefined) return undefined;
  // The closing question belongs to every patient when it says nothing of one ("IGRT ok for each?").
  const closing = /(?<=[.!;\n])\s*([^.!;\n]*\?)\s*$/.exec(last.body);
  const tail = closing?.[1] !== undefined && sharedTail(closing[1]) ? closing[1].trim() : '';
  if (tail) pieces[pieces.length - 1] = { ...last, body: last.body.slice(0, closing?.index).trim() };
  return {
    named: useNamed,
    parts: pieces.map((p) => ({ label: p.label, text: [prefix, p.body, tail].filter(Boolean).join(' ') })),
  };
}
