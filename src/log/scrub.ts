import { stdSerializers } from 'pino';
import { redactSecrets } from './redact.js';

/** Field names whose values are credentials, wherever they sit in a log object. */
export const SECRET_KEY = /token|secret|passw(?:or)?d|authori[sz]ation|cookie|api[-_]?key|credential|private[-_]?key/i;

const MAX_DEPTH = 8;

/**
 * A copy of a log value with secret-named fields censored and tokens removed from every string;
 * errors become plain objects first, because pino's own serializer runs after this one.
 */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  // Dates, URLs and the like describe themselves; their JSON form is what the log would hold anyway.
  if (!(value instanceof Error) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return scrub((value as { toJSON: () => unknown }).toJSON(), depth + 1, seen);
  }
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[depth]';
  seen.add(value);
  const plain = value instanceof Error ? stdSerializers.err(value) : value;
  const out = Array.isArray(plain)
    ? plain.map((item) => scrub(item, depth + 1, seen))
    : Object.fromEntries(
        Object.entries(plain).map(([key, v]) => [key, SECRET_KEY.test(key) ? '[secret]' : scrub(v, depth + 1, seen)]),
      );
  seen.delete(value);
  return out;
}
