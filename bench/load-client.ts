import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { latencies as summary } from './stats.js';

// The load generator, in its own process (pinned away from the server) so it does not share
// an event loop or a core with what it measures. Usage:
//   load-client.ts URL CONCURRENCY REQUESTS SECRET RESPONSE_URL_BASE QUESTIONS_FILE ROUND
// Every request is a signed /igrt slash command; users rotate over many ids so the app's
// per-user rate limit does not turn the load into cheap "slow down" replies. node:http with
// keep-alive, not fetch: fetch costs several times the CPU per request, and this core also
// runs the Slack stub, so a heavy client would measure itself rather than the server.
const [url, concurrencyText, requestsText, secret, responseBase, questionsFile, roundText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const requests = Number(requestsText);
const round = Number(roundText ?? 0);
const questions = readFileSync(questionsFile as string, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { q: string }).q);

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL('/slack/events', url);

/** POSTs one body; resolves with the status code and the response body (an ack may carry a refusal). */
function post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += String(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const latencies: number[] = [];
let errors = 0;
// Acks that carried a refusal instead of promising an answer.
const refused = { busy: 0, rateLimited: 0 };
let next = 0;
const started = performance.now();
async function worker() {
  while (next < requests) {
    const i = next++;
    const body = new URLSearchParams({
      command: '/igrt',
      text: questions[i % questions.length] as string,
      team_id: 'T1',
      channel_id: 'C1',
      user_id: `U${round}-${i % 20_000}`,
      response_url: `${responseBase}/respond/${round}-${i}`,
      trigger_id: 't',
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', secret as string)
      .update(`v0:${ts}:${body}`)
      .digest('hex')}`;
    const t = performance.now();
    try {
      const { status, text } = await post(body, {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      });
      if (status !== 200) errors++;
      if (text.includes('a lot of questions')) refused.busy++;
      if (text.includes('faster than I can answer')) refused.rateLimited++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
const { p50, p99 } = summary(latencies);
process.stdout.write(JSON.stringify({ p50, p99, errors, rps: requests / seconds, refused }));
agent.destroy();
