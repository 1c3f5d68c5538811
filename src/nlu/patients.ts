/**
 * Messages about more than one patient ("two quick ones: Pt A (payer 1) prostate … Pt B (payer 2)
 * rib met …"). Their facts are not one case, so the message is cut where each patient's label
 * stands: what comes before the first label is said of all of them, as is a closing question that
 * states nothing of its own ("IGRT ok for each?").
 */

/** A patient's label: "Pt A", "patient 2", "pt #1", "patient B:". */
const LABEL = /\b(?:pt|patient)\s*#?\s*(?:[ab12])\b/gi;

/** Whether the text labels two patients (a first and a second). */
export function labelsTwoPatients(text: string): boolean {
  return TWO_PATIENTS.test(text);
}

const TWO_PATIENTS = /\b(?:pt|patient)\s*#?\s*(?:a|1)\b[\s\S]*\b(?:pt|patient)\s*#?\s*(?:b|2)\b/i;

export interface PatientPart {
  /** The label as written ("Pt A"). */
  readonly label: string;
  /** What is said of this patient, with what the message says of all of them. */
  readonly text: string;
}

/**
 * The message cut into one question per labelled patient, or undefined when it labels fewer than
 * two. `sharedTail` tells whether a closing sentence says nothing of its own (the caller parses it).
 */
export function patientParts(text: string, sharedTail: (sentence: string) => boolean): PatientPart[] | undefined {
  const starts = [...text.matchAll(LABEL)];
  if (starts.length < 2 || !labelsTwoPatients(text)) return undefined;
  const prefix = text.slice(0, starts[0]?.index ?? 0).trim();
  const pieces = starts.map((m, i) => ({
    label: m[0].replace(/\s+/g, ' '),
    body: text.slice(m.index, starts[i + 1]?.index ?? text.length).trim(),
  }));
  const last = pieces.at(-1);
  if (last === undefined) return undefined;
  // The closing question belongs to every patient when it says nothing of one ("IGRT ok for each?").
  const closing = /(?<=[.!;\n])\s*([^.!;\n]*\?)\s*$/.exec(last.body);
  const tail = closing?.[1] !== undefined && sharedTail(closing[1]) ? closing[1].trim() : '';
  if (tail) pieces[pieces.length - 1] = { ...last, body: last.body.slice(0, closing?.index).trim() };
  // The same label twice ("pt A … pt A's PSA") is one patient's, not a new part.
  const labels = new Set(pieces.map((p) => p.label.toLowerCase()));
  if (labels.size !== pieces.length) return undefined;
  return pieces.map((p) => ({ label: p.label, text: [prefix, p.body, tail].filter(Boolean).join(' ') }));
}
