import { LruCache } from '../retrieve/lru.js';

/** Looks a user's time zone up in Slack (users.info `tz`); undefined when the profile gives none. */
export type ZoneLookup = (user: string) => Promise<string | undefined>;

const HOUR = 60 * 60 * 1000;

/**
 * Each asker's time zone, so "today" is their date, not the server's: from Slack's users.info,
 * cached (a zone changes rarely, and a lookup per question would double the Web API calls), the
 * configured default when the profile has none or the lookup fails (then retried after a while).
 */
export class UserTimeZones {
  private readonly cache = new LruCache<string, { zone: string; until: number }>(10_000);

  constructor(
    private readonly lookup: ZoneLookup,
    readonly fallback: string,
    private readonly now: () => number = Date.now,
  ) {}

  async zoneOf(user: string | undefined): Promise<string> {
    if (!user) return this.fallback;
    const hit = this.cache.get(user);
    if (hit && hit.until > this.now()) return hit.zone;
    let zone: string | undefined;
    try {
      zone = await this.lookup(user);
    } catch {
      zone = undefined;
    }
    this.cache.set(user, { zone: zone ?? this.fallback, until: this.now() + (zone ? 12 * HOUR : HOUR / 12) });
    return zone ?? this.fallback;
  }
}
