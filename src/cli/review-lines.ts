import type { FeedbackEntry } from '../context/feedback-store.js';

/**
 * `npm run review`: the feedback users gave (👍/👎, what was wrong, the right fact), as
 * eval-format JSONL lines for a maintainer to label — `q`, `intent`, `payers`, the answer
 * given (`given`), the user's words (`wrong`, `correction`) and an empty `expect` to fill in
 * before the line joins a suite. From Redis when REDIS_URL is set, else the local file.
 * `--all` includes 👍 as well; by default only 👎 is exported.
 */
export function reviewLines(entries: readonly FeedbackEntry[], all = false): string[] {
  return entries
    .filter((e) => all || e.rating === 'down')
    .map((e, i) =>
      JSON.stringify({
        id: `fb${String(i + 1).padStart(4, '0')}`,
        q: e.question,
        intent: e.intent,
        payers: Object.keys(e.given),
        given: e.given,
        answer: e.answer,
        rating: e.rating,
        ...(e.wrong ? { wrong: e.wrong } : {}),
        ...(e.correction ? { correction: e.correction } : {}),
        at: e.at,
        expect: {},
      }),
    );
}
