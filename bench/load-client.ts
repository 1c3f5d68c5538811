import { createHmac } from 'node:crypto';
import { percentile } from './stats.js';

// The load generator, in its own process so it does not share an event loop with the servers
// it measures. Usage: load-client.ts URL CONCURRENCY REQUESTS SECRET RESPONSE_URL_BASE
const [url, concurrencyText, requestsText, secret, responseBase] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const requests = Number(requestsText);
const QUESTIONS = [
  'Horizon 3DCRT prostate',
  'CVS palliative 3DCRT lung',
  'Horizon SBRT lung, bill 77387?',
  'what replaced 76950',
  'Is IGRT covered?',
];

const latencies: number[] = [];
let errors = 0;
let next = 0;
const started = performance.now();
async function worker() {
  while (next < requests) {
    const i = next++;
    const body = new URLSearchParams({
      command: '/igrt',
      text: QUESTIONS[i % QUESTIONS.length] as string,
      team_id: 'T1',
      channel_id: 'C1',
      user_id: `U${i % 500}`,
      response_url: `${responseBase}/respond/${i}`,
      trigger_id: 't',
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', secret as string)
      .update(`v0:${ts}:${body}`)
      .digest('hex')}`;
    const t = performance.now();
    try {
      const res = await fetch(`${url}/slack/events`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature,
        },
      });
      await res.text();
      if (res.status !== 200) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
latencies.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    rps: requests / ((performance.now() - started) / 1000),
  }),
);
