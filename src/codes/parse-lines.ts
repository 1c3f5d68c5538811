import type { ClaimLine } from './claim-line.js';

// A code — 5-digit CPT (77387), 4 digits + letter (0197T), HCPCS letter + 4 digits (G6001) —
// not inside a longer word or number; then an optional modifier (-TC, -26, " TC", "TC") and
// units ("x5", "× 5", "5 units").
const LINE =
  /(?<![\w.])(\d{5}|\d{4}[FMTU]|[A-V]\d{4})(?!\d)(?:\s*-\s*|\s+)?(?:(TC|26)(?!\w))?(?:\s*[x×]\s*(\d{1,3})(?!\d)|\s+(\d{1,3})\s*units?\b)?/gi;

/** CPT Category I runs 00100–01999 and 10004–99607; other five-digit numbers (zip codes) are not codes. */
function isCptNumber(code: string): boolean {
  const n = Number(code);
  return (n >= 100 && n <= 1999) || (n >= 10004 && n <= 99607);
}

/**
 * The claim lines a free text lists, in order ("check 77385 77387-TC G6002 hospital horizon
 * 2025-03-04", "77387-26 x1, G6001 x5"); a code written twice with the same modifier is one line.
 */
export function parseClaimLines(text: string): ClaimLine[] {
  const lines: ClaimLine[] = [];
  for (const match of text.matchAll(LINE)) {
    const code = (match[1] ?? '').toUpperCase();
    if (/^\d{5}$/.test(code) && !isCptNumber(code)) continue;
    const modifier = match[2]?.toUpperCase() as ClaimLine['modifier'];
    const units = match[3] ?? match[4];
    const line: ClaimLine = { code, ...(modifier ? { modifier } : {}), ...(units ? { units: Number(units) } : {}) };
    if (!lines.some((l) => l.code === line.code && l.modifier === line.modifier)) lines.push(line);
  }
  return lines;
}
