import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { Corpus } from '../policy/corpus.js';
import type { Found } from './extract.js';
import { checkSettings, type LexiconEntry, type Phrase } from './lexicon.js';

/** A category (C61), a subcategory (C79.51) or a range of categories (C00-C14). */
const CODE_RANGE = /^([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:-([A-Z]\d[0-9A-Z]))?$/;

const IcdEntry = lazySchema(() =>
  z.strictObject({
    codes: z.string().regex(CODE_RANGE, 'an ICD-10-CM code or a range of categories (C00-C14)'),
    label: z.string().min(1),
    set: z.record(z.string(), z.union([z.string(), z.boolean()])),
    asserts: z.enum(['always', 'near', 'doubt']).default('always'),
    /** The character (1-based, the dot not counted) that gives the side, and what each value means. */
    laterality: z.strictObject({ at: z.number().int().min(4).max(7), values: z.record(z.string(), z.string()) }).optional(),
  }),
);

export const IcdFile = lazySchema(() => z.strictObject({ codes: z.array(IcdEntry).min(1) }));

/** One ICD-10-CM code read in a question: its entry, if one covers it, as a phrase the assertion pass can settle. */
export interface IcdMention {
  /** As written, upper-cased with its dot (C79.51). */
  readonly code: string;
  /** What the asker is told it was read as: "C61 → prostate cancer", or that it is not mapped. */
  readonly echo: string;
  readonly phrase?: Phrase;
}

interface Compiled {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly phrase: Phrase;
  readonly laterality?: { readonly at: number; readonly phrases: ReadonlyMap<string, Phrase> };
}

/** The compiled table: entries most specific first, so the first that covers a code wins. */
export interface IcdTable {
  readonly entries: readonly Compiled[];
}

/** The token a code is replaced by before tokenising, so no other reader sees its digits. */
export const ICD_TOKEN = 'icdcode';

/**
 * A well-formed ICD-10-CM code of the chapters asked about here: neoplasms (C, D00–D49) and
 * Z codes. T, L, S and C with one digit are vertebrae ("T10 met", "C5"), so they never match.
 */
const ICD_IN_TEXT = /\b([cz]\d[0-9ab]|d[0-4]\d)(?:\.([0-9a-z]{1,4}))?\b/g;

const key = (code: string) => code.replace('.', '').toUpperCase();

function phraseFor(code: string, set: Record<string, string | boolean>, asserts: LexiconEntry['asserts']): Phrase {
  return { tokens: [ICD_TOKEN], entry: { match: [code], set, asserts }, group: 'icd10' };
}

/** Loads intents/icd10.yaml, checking every fact and value against the corpus's fact table. */
export function loadIcdTable(corpus: Corpus, file = projectPath('intents', 'icd10.yaml')): IcdTable {
  const data = loadYaml(file, IcdFile);
  const seen = new Set<string>();
  const entries = data.codes.map((entry, i): Compiled => {
    const path = `codes[${i}]`;
    const [, from = '', to] = CODE_RANGE.exec(entry.codes) ?? [];
    if (to !== undefined && to < from) throw new DataError(file, `${path}.codes: range ${entry.codes} runs backwards`);
    if (seen.has(entry.codes)) throw new DataError(file, `${path}.codes: ${entry.codes} is listed twice`);
    seen.add(entry.codes);
    checkSettings(file, `${path}.set`, entry.set, corpus, []);
    const lateral = entry.laterality;
    const phrases = new Map<string, Phrase>();
    for (const [char, side] of Object.entries(lateral?.values ?? {})) {
      const set = { ...entry.set, laterality: side };
      checkSettings(file, `${path}.laterality.values.${char}`, set, corpus, []);
      phrases.set(char, phraseFor(entry.codes, set, entry.asserts));
    }
    return {
      from: key(from),
      to: key(to ?? from),
      label: entry.label,
      phrase: phraseFor(entry.codes, entry.set, entry.asserts),
      ...(lateral ? { laterality: { at: lateral.at, phrases } } : {}),
    };
  });
  // Longer (more specific) first; C79.5 before C79.
  entries.sort((a, b) => b.from.length - a.from.length);
  return { entries };
}

/** The entry covering a code: the code starts with a category between `from` and `to`, or with the subcategory. */
function lookup(table: IcdTable, code: string): Compiled | undefined {
  const k = key(code);
  return table.entries.find((e) => {
    const head = k.slice(0, e.from.length);
    return head.length === e.from.length && head >= e.from && head <= e.to;
  });
}

/**
 * Finds ICD-10-CM codes in normalised text and replaces each with ICD_TOKEN, so the code's
 * digits are not read as a date, an age or a dose; returns the text and the codes in order.
 */
export function readIcdCodes(table: IcdTable, text: string): { text: string; codes: IcdMention[] } {
  const codes: IcdMention[] = [];
  const replaced = text.replace(ICD_IN_TEXT, (written) => {
    const code = written.toUpperCase();
    const entry = lookup(table, code);
    if (!entry) {
      codes.push({ code, echo: `${code} → an ICD-10-CM code I do not map to a policy category` });
    } else {
      const side = entry.laterality ? key(code)[entry.laterality.at - 1] : undefined;
      const phrase = (side !== undefined ? entry.laterality?.phrases.get(side) : undefined) ?? entry.phrase;
      const sideLabel = phrase.entry.set.laterality ? `, ${String(phrase.entry.set.laterality)}` : '';
      codes.push({ code, echo: `${code} → ${entry.label}${sideLabel}`, phrase });
    }
    return ` ${ICD_TOKEN} `;
  });
  return { text: codes.length > 0 ? replaced.replace(/\s+/g, ' ').trim() : text, codes };
}

/** The mapped codes as phrases found at their placeholder tokens, for the assertion pass (so "not C79.51" is negated). */
export function icdPhrases(tokens: readonly string[], codes: readonly IcdMention[]): Found[] {
  const found: Found[] = [];
  // Most questions name no ICD code: their tokens are not walked.
  if (codes.length === 0) return found;
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== ICD_TOKEN) continue;
    const phrase = codes[k++]?.phrase;
    if (phrase) found.push({ phrase, start: i, end: i + 1, fuzzy: false });
  }
  return found;
}
