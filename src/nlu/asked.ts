/** The parts of a message that ask, from one reading of its sentences. */
export interface AskedParts {
  /** Each question sentence with the sentence just before it. */
  readonly asked?: string;
  /** The question sentences alone. */
  readonly questions?: string;
}

/**
 * The part of a message that asks, when it is longer than that: each question sentence (one
 * ending in "?", or after a label like "QUESTION FOR UM:") with the sentence just before it.
 * The intent is read there, so "prior auth submitted" or "CT with oral contrast" earlier in a
 * pasted note does not turn the question into another; the facts still come from the whole
 * message. Undefined when the message is no more than that (it is then read whole).
 *
 * Also the question sentences alone, when there are other sentences too: "the derm group is
 * billing image-guided SRT … is the image guidance medically necessary?" asks about necessity,
 * whatever the sentence before it says.
 */
export function askedParts(text: string): AskedParts {
  const sentences = splitSentences(text);
  const asking = sentences.map((s) => {
    const labelled = QUESTION_LABEL.exec(s);
    return labelled ? s.slice(labelled[0].length) : s.endsWith('?') ? s : undefined;
  });
  const questions = asking.filter((q): q is string => q !== undefined);
  // Each question with the sentence just before it, which a terse question leans on ("physics
  // wants to charge 77370 for it. allowed?"); a message that is no more than that is read whole.
  const window = new Set<number>();
  asking.forEach((q, i) => {
    if (q === undefined) return;
    window.add(i);
    if (i > 0) window.add(i - 1);
    else if (sentences.length > 1) window.add(1);
  });
  const asked =
    window.size === 0 || window.size === sentences.length
      ? undefined
      : [...window]
          .sort((a, b) => a - b)
          .map((i) => asking[i] ?? sentences[i])
          .join(' ');
  return {
    ...(asked !== undefined ? { asked } : {}),
    ...(questions.length > 0 && questions.length < sentences.length ? { questions: questions.join(' ') } : {}),
  };
}

/** See askedParts: each question sentence with the sentence before it. */
export function askedPart(text: string): string | undefined {
  return askedParts(text).asked;
}

/** "Question:", "Q:", "QUESTION FOR BILLING/UM TEAM:", "my question for you -": a label that says the question follows. */
const QUESTION_LABEL = /^(?:(?:my|our|the|a|one)\s+)?(?:question|q|query|ask)\b[^:?.]{0,40}?\s*(?::|\s-+\s)\s*/;

/** Words a period follows without ending a sentence ("payer A vs. payer B", "e.g.", "H. pylori"). */
const ABBREVIATION = /(?:^|\s)(?:[a-z]|vs|v|e\.g|i\.e|eg|ie|etc|incl|approx|dr|mr|mrs|ms|st|no|fig|pt|pts|yo|y\.o)\.$/;

/** Sentences of a normalised message: split after . ! ? ; and at a rule of dashes ("----"). */
function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  for (const piece of text.split(/(?<=[.!?;])\s+|\s*-{3,}\s*/)) {
    current = current ? `${current} ${piece}` : piece;
    if (!ABBREVIATION.test(current)) {
      sentences.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences.filter((s) => /[a-z0-9]/.test(s));
}
