import * as chrono from 'chrono-node';
import type { DateUsed } from '../contract/answer.js';

/** An age stated in years ("12 y/o", "17-year-old", "age 9"), if any. */
export function extractAge(text: string): number | undefined {
  const match =
    // "2 yrs ago" and "5 years after surgery" are times, not ages.
    /\b(\d{1,3})\s*-?\s*(?:y\/?o\b|yo\b|yrs?\b|years?\b(?:\s*-?\s*old)?|year-old|month(?:s)?\s*-?\s*old|mo\s*old)(?!\s*(?:ago|earlier|before|prior|later|since|after|post|previously|back)\b)/i.exec(
      text,
    ) ?? /\b(?:age|aged|ages)\s*(?:of\s*)?(\d{1,3})\b/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (/month|mo\s*old/i.test(match[0])) return 0;
  return value <= 120 ? value : undefined;
}

/** A date of service as the question wrote it: read (year when given, month, day), or date-like but unreadable. */
export type StatedDate =
  | { readonly written: string; readonly year?: number; readonly month: number; readonly day: number }
  | { readonly written: string; readonly unreadable: true };

// Something written like a date, readable or not ("2025-02-30", "13/45/2025", "March 45, 2025").
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(
  `(?<![\\w./-])(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{2,4})(?![\\w/-])`,
  'i',
);
// A year-less "3/2" is a date only after a cue ("DOS 3/2", "on 3/2"): alone it may be a fraction.
const CUE_BEFORE = /\b(?:dos|date of service|service date|on|dated|seen|treated)\s*:?\s*$/i;

/**
 * The date of service a question gives, in any common form (ISO, US numeric, "March 4, 2025",
 * "4 Mar 25", "DOS 3/2"), read by chrono; a date-like string it cannot read is returned as
 * unreadable so the answer can say so rather than quietly use today.
 */
export function extractDate(text: string): StatedDate | undefined {
  for (const result of chrono.strict.parse(text)) {
    const { start } = result;
    const month = start.get('month');
    const day = start.get('day');
    if (!start.isCertain('month') || !start.isCertain('day') || month === null || day === null) continue;
    // chrono keeps a leading "on" in the text it matched; the date alone is what the answer echoes.
    const written = result.text.replace(/^on\s+/i, '');
    const spelled = /[a-z]/i.test(written);
    if (!start.isCertain('year')) {
      const before = text.slice(0, result.index + result.text.length - written.length);
      if (spelled || CUE_BEFORE.test(before)) return { written, month, day };
      continue;
    }
    const year = start.get('year');
    if (year !== null) return { written, year, month, day };
  }
  const unreadable = DATE_LIKE.exec(text)?.[0];
  return unreadable ? { written: unreadable, unreadable: true } : undefined;
}

/**
 * The date an answer is stated for, and why: the question's date (a year-less one is its last
 * occurrence on or before today), else today, saying when a written date could not be read.
 */
export function dateOfService(stated: StatedDate | undefined, today: string): DateUsed {
  if (!stated) return { date: today, from: 'today' };
  if ('unreadable' in stated) return { date: today, from: 'today', unreadable: stated.written };
  const year = stated.year ?? Number(today.slice(0, 4));
  const iso = (y: number) => `${y}-${String(stated.month).padStart(2, '0')}-${String(stated.day).padStart(2, '0')}`;
  const date = stated.year === undefined && iso(year) > today ? iso(year - 1) : iso(year);
  const valid = new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  return valid ? { date, from: 'question', written: stated.written } : { date: today, from: 'today', unreadable: stated.written };
}
