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

/** A date of service as YYYY-MM-DD, from ISO or US (MM/DD/YYYY) notation. */
export function extractDate(text: string): string | undefined {
  const iso = /\b(20\d{2})-(\d{1,2})-(\d{1,2})\b/.exec(text);
  const us = /\b(\d{1,2})\/(\d{1,2})\/(20\d{2})\b/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? undefined : date;
}
