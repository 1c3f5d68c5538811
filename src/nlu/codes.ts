/** A CPT/HCPCS code as written, with its modifier and units when given. */
export interface CodeMention {
  readonly code: string;
  readonly modifier?: 'TC' | '26';
  readonly units?: number;
}

// 5-digit CPT (77387), Category III (0197T) and HCPCS Level II (G6001), then an optional
// modifier (-TC, -26, " TC") and units ("x5", "x 5", "5 units").
const CODE = /\b(\d{5}|\d{4}[tT]|[a-zA-Z]\d{4})(?:\s*-\s*|\s+)?(tc|26)?\b(?:\s*(?:x\s*(\d{1,3})\b|(\d{1,3})\s*units?\b))?/gi;

/** The codes a question mentions, in order, without repeats of the same code and modifier. */
export function extractCodes(text: string): CodeMention[] {
  const found: CodeMention[] = [];
  for (const match of text.matchAll(CODE)) {
    const raw = match[1] as string;
    const code = raw.toUpperCase();
    if (/^\d{5}$/.test(code) && !looksLikeCpt(code)) continue;
    if (/^[A-Z]\d{4}$/.test(code) && !/^[A-V]/.test(code)) continue;
    const modifier = match[2]?.toUpperCase() as CodeMention['modifier'] | undefined;
    const unitsText = match[3] ?? match[4];
    const mention: CodeMention = {
      code,
      ...(modifier ? { modifier } : {}),
      ...(unitsText ? { units: Number(unitsText) } : {}),
    };
    if (!found.some((m) => m.code === mention.code && m.modifier === mention.modifier)) found.push(mention);
  }
  return found;
}

/** CPT codes run 00100–99607; years and zip-like numbers in prose are mostly outside radiology. */
function looksLikeCpt(code: string): boolean {
  const n = Number(code);
  return n >= 70010 && n <= 79999;
}
