// en-CA formats a date as YYYY-MM-DD; formatters are cached per zone (building one is slow), and
// so is each zone's last date with the second it was read for: a zone's offset is whole seconds
// (tzdata, old local mean times included), so within one second the date is the same, and
// formatting one is most of a reading.
const formatters = new Map<string, { format: Intl.DateTimeFormat; second: number; date: string }>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone (UTC when none), as the asker's "today". */
export function localDate(now: Date, timeZone = 'UTC'): string {
  let zone = formatters.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (formatters.size > 500) formatters.clear();
    zone = { format, second: Number.NaN, date: '' };
    formatters.set(timeZone, zone);
  }
  const second = Math.floor(now.getTime() / 1000);
  if (second !== zone.second) {
    zone.date = zone.format.format(now);
    zone.second = second;
  }
  return zone.date;
}
