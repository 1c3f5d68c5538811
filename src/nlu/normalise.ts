/** Longest question we read; the rest is cut (the answer says so). */
export const MAX_QUESTION_LENGTH = 2000;

/**
 * Lower-cases and simplifies a question so vocabulary and templates match however it was
 * typed: Unicode folded, control characters dropped, shorthand ("w/o", "w/", "n't") spelled out.
 */
export function normaliseText(raw: string): string {
  return (
    raw
      .normalize('NFKC')
      .toLowerCase()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/\bw\/o\b/g, ' without ')
      .replace(/\bw\/(?=\s|[a-z0-9])/g, ' with ')
      .replace(/\b(\w+)n't\b/g, '$1 not')
      .replace(/\bcan ?not\b/g, 'can not')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A token, or a clause boundary (punctuation that ends a negation's reach). */
export const BOUNDARY = '|';

/** Splits normalised text into word tokens, keeping clause punctuation as boundaries. */
export function tokenise(text: string): string[] {
  return text
    .replace(/[,.;:!?()[\]{}"]+/g, ` ${BOUNDARY} `)
    .replace(/[^a-z0-9&'|]+/g, ' ')
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .split(' ')
    .filter((t) => t.length > 0);
}

/** Tokens of a vocabulary phrase, split the same way as questions (without boundaries). */
export function phraseTokens(phrase: string): string[] {
  return tokenise(normaliseText(phrase)).filter((t) => t !== BOUNDARY);
}
