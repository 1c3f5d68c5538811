/** Longest question we read; the rest is cut (the answer says so). */
export const MAX_QUESTION_LENGTH = 2000;

/**
 * Lower-cases and simplifies a question so vocabulary and templates match however it was
 * typed: Unicode folded, control characters dropped, shorthand ("w/o", "w/", "n't") spelled out.
 */
export function normaliseText(raw: string): string {
  // The parser and then the case boundary read the same message: the second reading is the first's.
  if (raw === lastRaw) return lastText;
  const text = normalised(raw);
  lastRaw = raw;
  lastText = text;
  return text;
}

let lastRaw: string | undefined;
let lastText = '';

function normalised(raw: string): string {
  let text = raw.normalize('NFKC').toLowerCase();
  // Each group of rewrites runs only when its characters occur: most questions are plain ASCII.
  if (/[^\x20-\x7e]|`/.test(text)) {
    text = text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters (not line breaks) is the point.
      .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-');
  }
  // "?epidural extension", "?mets": a question mark before a word is the chart's "possible".
  if (text.includes('?')) text = text.replace(/(^|[\s(,;])\?(?=[a-z])/g, '$1possible ');
  if (text.includes('w/')) text = text.replace(/\bw\/o\b/g, ' without ').replace(/\bw\/(?=\s|[a-z0-9])/g, ' with ');
  // "kV + CBCT", "kv+cbct": a plus between words joins two things, so a phrase ("kv cbct") never runs across it; "ER+" keeps none.
  if (text.includes('+')) text = text.replace(/(?<=[a-z0-9])\s*\+\s*(?=[a-z0-9])/g, ' & ');
  if (text.includes("'")) text = text.replace(/\b(what|that|it|there|where|who|how|here|which)'s\b/g, '$1 is');
  text = text.replace(/\b(what|that|there|where|who|how|here)s\b/g, '$1 is');
  if (text.includes("'")) {
    text = text
      .replace(/\bwon't\b/g, 'will not')
      .replace(/\bcan't\b/g, 'can not')
      .replace(/\b(\w+)n't\b/g, '$1 not');
  }
  if (text.includes('can')) text = text.replace(/\bcan ?not\b/g, 'can not');
  // A line break ends a clause, as in a pasted chart ("Hx: SBRT to the RUL in 2021" / "Plan: 3D to the LLL"),
  // unless the line ends in a label or a list comma that the next line continues.
  if (text.includes('\n')) text = text.replace(/([^\s:,])[ \t]*\r?\n\s*/g, '$1 . ');
  return text.replace(/\s+/g, ' ').trim();
}

/** A sentence boundary: punctuation that ends every cue's reach. */
export const BOUNDARY = '|';
/** A comma: it separates list items and clauses, so a negation crosses it only in a list. */
export const COMMA = ',';
/** A colon or a spaced dash between a label and its value ("prior RT: none", "cord - no"). */
export const COLON = ':';
/** A question mark: a sentence boundary that a bare answer after it reaches back over ("prior RT? no"). */
export const QUESTION = '?';

/** Whether a token ends a sentence. */
export function endsSentence(token: string | undefined): boolean {
  return token === BOUNDARY || token === QUESTION;
}

/** Whether a token is punctuation rather than a word: no phrase runs across one. */
export function isBoundary(token: string | undefined): boolean {
  return token === BOUNDARY || token === COMMA || token === COLON || token === QUESTION;
}

/** Splits normalised text into word tokens, keeping punctuation as boundary tokens. */
export function tokenise(text: string): string[] {
  return text
    .replace(/\s-+\s/g, ` ${COLON} `)
    .replace(/[,]+/g, ` ${COMMA} `)
    .replace(/[:]+/g, ` ${COLON} `)
    .replace(/\?+/g, ` ${QUESTION} `)
    .replace(/[.;!()[\]{}]+/g, ` ${BOUNDARY} `)
    .replace(/[^a-z0-9&'|,:?]+/g, ' ')
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .split(' ')
    .filter((t) => t.length > 0);
}

/** Lower-case words and digits, one space apart: text that normaliseText and tokenise leave as it is, but for the rewrites below. */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
/** normaliseText's rewrites of plain words ("whats", "cannot"). */
const REWRITTEN = /\b(?:what|that|there|where|who|how|here)s\b|\bcan ?not\b/;

/** Tokens of a vocabulary phrase, split the same way as questions (without boundaries). */
export function phraseTokens(phrase: string): string[] {
  // Most of the data's thousands of phrases are plain words: their tokens are the words, without
  // the dozen passes of normalising and tokenising (a tenth of a cold start). A test holds the two ways equal.
  if (PLAIN.test(phrase) && !REWRITTEN.test(phrase)) return phrase.split(' ');
  return tokenise(normaliseText(phrase)).filter((t) => !isBoundary(t));
}
