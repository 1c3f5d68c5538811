import type { Found } from './extract.js';
import type { Lexicon, Phrase } from './lexicon.js';

/**
 * Words no lexicon phrase read that carry a category by their ending ("myxofibrosarcoma",
 * "hepatoblastoma"), as found phrases for the assertion pass. A word the lexicon lists is left
 * to it; an ending whose stem is not named (for endings that need one) is not read.
 */
export function histologyPhrases(tokens: readonly string[], found: readonly Found[], lexicon: Lexicon): Found[] {
  if (lexicon.suffixes.length === 0) return [];
  const covered = new Set<number>();
  for (const f of found) for (let k = f.start; k < f.end; k++) covered.add(k);
  const out: Found[] = [];
  for (const [i, token] of tokens.entries()) {
    if (covered.has(i) || lexicon.words.has(token)) continue;
    const phrase = readEnding(token, lexicon);
    if (phrase) out.push({ phrase, start: i, end: i + 1, fuzzy: false });
  }
  return out;
}

function readEnding(word: string, lexicon: Lexicon): Phrase | undefined {
  for (const { suffix, phrase, prefixes } of lexicon.suffixes) {
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    const named = prefixes.find(([prefix]) => stem.endsWith(prefix));
    return named ? named[1] : phrase;
  }
  return undefined;
}
