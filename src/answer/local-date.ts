// en-CA formats a date as YYYY-MM-DD; formatters are cached per zone (building one is slow).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone (UTC when none), as the asker's "today". */
export function localDate(now: Date, timeZone = 'UTC'): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, format);
  }
  return format.format(now);
}
