import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { latencies as summary } from './stats.js';

// The load generator, in its own process (pinned away from the server). Open loop: it sends
// signed /igrt slash commands at a fixed rate whatever the server does, and times each ack
// from when the command was *due*, not when it went out, so a stalled server cannot slow the
// load and hide its own latency (no coordinated omission). Usage:
//   open-loop-client.ts URL RATE SECONDS SECRET RESPONSE_URL_BASE QUESTIONS_FILE TAG OFFSET USERS
// Each command's response_url carries its tag and due time, so the Slack stub can time the
// answer end to end when it arrives there; an answer that rides in the ack body (the app answers
// in the ack when the answer is ready in time) is counted here, timed end to end when the ack
// arrived, from the same due time. A refusal in the ack ("busy", "slow down") is no answer. USERS says who asks: "new" gives every command a user never seen (first
// contact: the app looks the user's time zone up), a number N draws users in turn from a pool of
// N returning ones (sized by the caller so no one passes the per-user rate limit), each in their
// own one of 100 channels. node:http with
// keep-alive, not fetch: fetch costs several times the CPU per request.
const [url, rateText, secondsText, secret, responseBase, questionsFile, tag, offsetText, usersText] = process.argv.slice(2);
const rate = Number(rateText);
const total = Math.round(rate * Number(secondsText));
const offset = Number(offsetText ?? 0);
const pool = usersText === undefined || usersText === 'new' ? undefined : Number(usersText);
// Askers spread over 100 channels: the app delivers to one channel at most a few replies at a
// time (so one hanging channel cannot hold the rest), and 300 commands a second from one
// channel would measure that limit, not the app.
const CHANNELS = 100;
const questions = readFileSync(questionsFile as string, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { q: string }).q);

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
const target = new URL('/slack/events', url);
/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on this machine. */
const wall = () => performance.timeOrigin + performance.now();

const acks: number[] = [];
let errors = 0;
const refused = { busy: 0, rateLimited: 0 };
// Slack waits 3 s for an acknowledgement, then shows the user an error and drops what the ack
// carried: a later ack is counted late, and an answer in it is lost, not answered.
const SLACK_ACK_MS = 3000;
let late = 0;
let lostInLateAck = 0;
// Answers that rode in the ack, and each one's end-to-end time (ms from due).
const inAck: number[] = [];
let finished = 0;
let done: () => void = () => {};
const allDone = new Promise<void>((resolve) => {
  done = resolve;
});

function send(i: number, due: number): void {
  // Each user asks in a channel of their own among CHANNELS, as people ask where they work.
  const asker = pool === undefined ? i : (offset + i) % pool;
  const body = new URLSearchParams({
    command: '/igrt',
    text: questions[(offset + i) % questions.length] as string,
    team_id: 'T1',
    channel_id: `C${asker % CHANNELS}`,
    user_id: pool === undefined ? `U${tag}-${i}` : `UR${asker}`,
    response_url: `${responseBase}/respond/${tag}/${due.toFixed(3)}`,
    trigger_id: 't',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret as string)
    .update(`v0:${ts}:${body}`)
    .digest('hex')}`;
  const settle = (ok: boolean, text = '') => {
    const took = wall() - due;
    const tooLate = ok && took > SLACK_ACK_MS;
    acks.push(took);
    if (!ok) errors++;
    if (tooLate) late++;
    if (text.includes('a lot of questions')) refused.busy++;
    else if (text.includes('faster than I can answer')) refused.rateLimited++;
    else if (ok && text.trim()) {
      if (tooLate) lostInLateAck++;
      else inAck.push(took);
    }
    if (++finished === total) done();
  };
  const req = request(
    target,
    {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
    },
    (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += String(chunk);
      });
      res.on('end', () => settle(res.statusCode === 200, text));
    },
  );
  req.on('error', () => settle(false));
  req.end(body);
}

// Due times are fixed up front; a tick sends everything due by now (a late tick catches up).
const interval = 1000 / rate;
const start = wall() + 20;
let next = 0;
function tick(): void {
  const now = wall();
  while (next < total && start + next * interval <= now) {
    send(next, start + next * interval);
    next++;
  }
  if (next < total) setTimeout(tick, Math.max(0, Math.min(5, start + next * interval - wall())));
}
setTimeout(tick, 20);
await allDone;
const { p50, p99, n } = summary(acks);
process.stdout.write(
  JSON.stringify({
    p50,
    p99,
    n,
    errors,
    refused,
    late,
    lostInLateAck,
    inAck: inAck.map((ms) => Math.round(ms * 100) / 100),
    lateMs: wall() - (start + total * interval),
  }),
);
agent.destroy();
