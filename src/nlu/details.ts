// The English parser alone: chrono's main entry loads a dozen locales, about 0.13 s of a cold start.
import * as chrono from 'chrono-node/en';
import type { DateUsed } from '../contract/answer.js';

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORD = new RegExp(
  `\\b(?:(${TENS.filter(Boolean).join('|')})(?:[\\s-]+(${UNITS.slice(1, 10).join('|')}))?|(${UNITS.join('|')}))\\b`,
  'gi',
);

/** Spelled-out numbers as digits ("seventeen" → 17, "sixty-five" → 65), so ages in words are read. */
function digitsFor(text: string): string {
  return text.replace(NUMBER_WORD, (_all, tens?: string, unit?: string, small?: string) => {
    if (small) return String(UNITS.indexOf(small.toLowerCase()));
    return String(TENS.indexOf((tens as string).toLowerCase()) * 10 + (unit ? UNITS.indexOf(unit.toLowerCase()) : 0));
  });
}

/** A birth date or year the question gives ("born in 2015", "DOB 03/01/2014"), if any. */
export interface Birth {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const BIRTH =
  /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born(?: (?:in|on))?)\s*:?\s*(?:(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2}\b)|(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/-](\d{4})|(?:[a-z]+\.?\s+(?:\d{1,2},?\s+)?)?(\d{4}))/i;

/** The birth date or year a question gives. */
export function extractBirth(text: string): Birth | undefined {
  const m = BIRTH.exec(text);
  if (!m) return undefined;
  if (m[3]) return { year: fullYear(m[3]), month: Number(m[1]), day: Number(m[2]) };
  if (m[4]) return { year: Number(m[4]), month: Number(m[5]), day: Number(m[6]) };
  // "DOB 03/2016": a month and year.
  if (m[8]) return { year: Number(m[8]), month: Number(m[7]) };
  return { year: Number(m[9]) };
}

/** A two-digit birth year is this century's unless that would be in the future ("3/4/16" → 2016, "…/58" → 1958). */
function fullYear(written: string): number {
  if (written.length === 4) return Number(written);
  const yy = Number(written);
  return yy <= new Date().getUTCFullYear() % 100 ? 2000 + yy : 1900 + yy;
}

/** The question without its birth date, so a date of birth is never taken as the date of service. */
export function withoutBirth(text: string): string {
  return text.replace(BIRTH, ' ');
}

/**
 * The ages a birth date allows on a date (YYYY-MM-DD): one age for a full date, two for a
 * year alone (before or after the birthday).
 */
export function agesOn(birth: Birth, on: string): readonly [number, number] {
  const [year, month, day] = on.split('-').map(Number) as [number, number, number];
  const years = year - birth.year;
  if (birth.month === undefined) return [years - 1, years];
  // A month without its day is before or after the birthday except in that month itself.
  if (birth.day === undefined)
    return month === birth.month ? [years - 1, years] : month < birth.month ? [years - 1, years - 1] : [years, years];
  const before = month < birth.month || (month === birth.month && day < birth.day);
  return [years - (before ? 1 : 0), years - (before ? 1 : 0)];
}

/** An age stated in years ("12 y/o", "17-year-old", "age 9", "a seven year old", "67F"), if any. */
export function extractAge(raw: string): number | undefined {
  const text = digitsFor(raw);
  const match =
    // "2 yrs ago" and "5 years after surgery" are times, not ages.
    /\b(\d{1,3})\s*-?\s*(?:y\/?o\b|yo\b|yrs?\b|years?\b(?:\s*-?\s*old)?|year-old|month(?:s)?\s*-?\s*old|mo\s*old)(?!\s*(?:ago|earlier|before|prior|later|since|after|post|previously|back)\b)/i.exec(
      text,
    ) ??
    /\b(?:age|aged|ages)\s*(?:of\s*)?(\d{1,3})\b/i.exec(text) ??
    // "the pt is 11", "patient is now 16": a person said to be a bare number is an age.
    /\b(?:pt|patient|child|kid|boy|girl|he|she)\s+(?:is|was|'s)\s+(?:now\s+|only\s+|just\s+)?(\d{1,3})\b(?!\s*(?:%|percent|cm|mm|gy|cgy|fx|fractions?|kg|lbs?|days?|weeks?|months?|hours?|min|minutes?|[./]\d))/i.exec(
      text,
    ) ??
    // The chart's shorthand: "67F", "54 yo M", "8yoF", as a word of its own (so "15 m away" and a
    // terminal escape's "[31m" are no age).
    /(?:^|[\s,(])(\d{1,3})(?:\s?(?:yo|y\/o)\s?)?[fm]\b(?!\s*(?:ago|later|after|before|away|from)\b)/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (/month|mo\s*old/i.test(match[0])) return 0;
  return value <= 120 ? value : undefined;
}

/** A date of service as the question wrote it: read (year when given, month, day), or date-like but unreadable. */
export type StatedDate =
  | { readonly written: string; readonly year?: number; readonly month: number; readonly day: number }
  | { readonly written: string; readonly year: number; readonly yearOnly: true }
  | { readonly written: string; readonly unreadable: true };

// A year said as the time of service ("in 2026", "for 2025", "CY2025", "calendar year 2026").
const YEAR =
  /\b(?:cy\s?|calendar year\s+|(?:in|for|during|from|as of)\s+(?:cy\s?|calendar year\s+|the year\s+)?)((?:19|20)\d{2})\b/i;
// …unless the clause is about the patient's history ("prior RT in 2019", "diagnosed in 2021").
const HISTORY =
  /\b(?:prior|previous(?:ly)?|earlier|old|treated|irradiated|radiated|rt|xrt|ebrt|sbrt|srs|radiation|course|gy|cgy|fx|got|received|had|diagnosed|dx|surgery|resected|born|since)\b[^,;.]*$/i;

/** A year alone given as the time of service, if any. */
function extractYear(text: string): StatedDate | undefined {
  const match = YEAR.exec(text);
  if (!match || HISTORY.test(text.slice(0, match.index))) return undefined;
  return { written: match[0].trim(), year: Number(match[1]), yearOnly: true };
}

// Something written like a date, readable or not ("2025-02-30", "13/45/2025", "March 45, 2025").
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(
  `(?<![\\w./-])(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{2,4})(?![\\w/-])`,
  'i',
);
const MONTH_NAME = new RegExp(`\\b${MONTH}`, 'i');
// A year-less "3/2" is a date only after a cue ("DOS 3/2", "on 3/2"): alone it may be a fraction.
const SERVICE_CUE = /\b(?:dos|date of service|service date|dated)\s*:?\s*$/i;
const CUE_BEFORE = /\b(?:dos|date of service|service date|on|dated|seen|treated)\s*:?\s*$/i;

/**
 * The date of service a question gives, in any common form (ISO, US numeric, "March 4, 2025",
 * "4 Mar 25", "DOS 3/2"), read by chrono; a date-like string it cannot read is returned as
 * unreadable so the answer can say so rather than quietly use today.
 */
export function extractDate(text: string): StatedDate | undefined {
  // Most questions hold no date: chrono is asked only when there is a digit or a month name.
  if (!/\d/.test(text) && !MONTH_NAME.test(text)) return undefined;
  const day = extractDay(text);
  return day ?? extractYear(text);
}

// What every reading of chrono's strict English parsers with a certain day and month holds: a
// month name (MONTH_NAME), numbers joined by - . or / ("3/2", "2025-03-04"), a year and a number
// after one space ("2025 3 4"), or a span of time ("3 days ago", "within a week", "half a quarter
// after": a fraction of a month or more lands on a day too). Weekdays and times alone leave the
// date implied. Text with none of these is not given to chrono, a tenth of a typical answer.
const DAY_SHAPED = /\d[-./]\d|\d{4}\s\d|\b(?:second|minute|hour|day|week|month|quarter|year)s?\b/i;

/** Whether chrono could read a day and month in the text (a cheap superset; see DAY_SHAPED). */
export function mayHoldDay(text: string): boolean {
  return DAY_SHAPED.test(text) || MONTH_NAME.test(text);
}

/** A day of service chrono can read, or date-like text it cannot. */
function extractDay(text: string): StatedDate | undefined {
  for (const result of mayHoldDay(text) ? chrono.strict.parse(text) : []) {
    const { start } = result;
    const month = start.get('month');
    const day = start.get('day');
    if (!start.isCertain('month') || !start.isCertain('day') || month === null || day === null) continue;
    // chrono keeps a leading "on" in the text it matched; the date alone is what the answer echoes.
    const written = result.text.replace(/^on\s+/i, '');
    const spelled = /[a-z]/i.test(written);
    if (!start.isCertain('year')) {
      const before = text.slice(0, result.index + result.text.length - written.length);
      // "30/10", "20/5": a first number past 12 is no US month, and in this trade it is a dose over
      // fractions, unless the question calls it the date of service ("DOS 13/4" is day first).
      const dayFirst = !spelled && Number(/^(\d+)[-./]/.exec(written)?.[1] ?? 0) > 12;
      if (dayFirst && !SERVICE_CUE.test(before)) continue;
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
  if ('yearOnly' in stated) {
    // A year's code set holds all year (changes come on 1 January): today if it is this year, else its first day.
    const date = String(stated.year) === today.slice(0, 4) ? today : `${stated.year}-01-01`;
    return { date, from: 'question', written: stated.written, year: stated.year };
  }
  const year = stated.year ?? Number(today.slice(0, 4));
  const iso = (y: number) => `${y}-${String(stated.month).padStart(2, '0')}-${String(stated.day).padStart(2, '0')}`;
  const real = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  const date = stated.year === undefined && iso(year) > today ? iso(year - 1) : iso(year);
  if (!real(date)) return { date: today, from: 'today', unreadable: stated.written };
  // "DOS 3/14" may be last year's 3/14 too: an answer that differs between the two asks which.
  const earlier = stated.year === undefined ? iso(Number(date.slice(0, 4)) - 1) : undefined;
  const yearEarlier = earlier && real(earlier) ? earlier : undefined;
  return { date, from: 'question', written: stated.written, ...(yearEarlier ? { yearEarlier } : {}) };
}
