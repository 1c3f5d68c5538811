import type { ClaimLine } from '../codes/claim-line.js';

/** A CPT/HCPCS code as written, with its modifier and units when given (one claim line). */
export type CodeMention = ClaimLine;

// A code — 5-digit CPT (77387, 99213), Category II/III (0197T), HCPCS Level II (G6001) — not
// inside a longer word or number; then an optional modifier (-TC, -26, " TC", "TC") and units
// ("x5", "× 5", "5 units").
const CODE =
  /(?<![\w.])(\d{5}|\d{4}[fmtu]|[a-v]\d{4})(?!\d)(?:\s*-\s*|\s+)?(?:(tc|26)(?!\w))?(?:\s*[x×]\s*(\d{1,3})(?!\d)|\s+(\d{1,3})\s*units?\b)?/gi;

/**
 * The codes a message mentions, in order; a code written twice with the same modifier is one
 * mention. In a claim list every well-formed code counts, so an unknown one is reported rather
 * than dropped; in prose a bare five-digit number counts only in the radiology range, since
 * zip codes and record numbers look like codes too.
 */
export function extractCodes(text: string): CodeMention[] {
  const written = readCodes(text);
  const prose = written.filter((m) => !/^\d{5}$/.test(m.code) || inRadiologyRange(m.code));
  const listed = isClaimCheck(text, prose) || ((CHECK_WORD.test(text) || CLAIM_WORD.test(text)) && isClaimCheck(text, written));
  return listed ? written : prose;
}

const CHECK_WORD = /^\s*(check|verify|audit|scrub|review)\b/i;
const CLAIM_WORD = /\bclaim\b/i;

/** Whether a message lists claim lines to check: "check" and a code, "claim" and two codes, or three codes. */
export function isClaimCheck(text: string, codes: readonly CodeMention[]): boolean {
  return codes.length >= 3 || (codes.length >= 1 && CHECK_WORD.test(text)) || (codes.length >= 2 && CLAIM_WORD.test(text));
}

function readCodes(text: string): CodeMention[] {
  const found: CodeMention[] = [];
  for (const match of text.matchAll(CODE)) {
    const code = (match[1] ?? '').toUpperCase();
    if (/^\d{5}$/.test(code) && !isCptNumber(code)) continue;
    const modifier = match[2]?.toUpperCase() as CodeMention['modifier'];
    const units = match[3] ?? match[4];
    const mention: CodeMention = { code, ...(modifier ? { modifier } : {}), ...(units ? { units: Number(units) } : {}) };
    if (!found.some((m) => m.code === mention.code && m.modifier === mention.modifier)) found.push(mention);
  }
  return found;
}

/** CPT Category I runs 00100–01999 and 10004–99607; other five-digit numbers (zip codes) are never codes. */
function isCptNumber(code: string): boolean {
  const n = Number(code);
  return (n >= 100 && n <= 1999) || (n >= 10004 && n <= 99607);
}

/** Radiology (70010–79999): the only CPT range a bare number in a question is taken to be. */
function inRadiologyRange(code: string): boolean {
  const n = Number(code);
  return n >= 70010 && n <= 79999;
}
