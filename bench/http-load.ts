import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectPath } from '../src/data/paths.js';
import { CORES, PINNING, pinned } from './pin.js';
import { loadQuestions } from './questions.js';
import { spread, target } from './stats.js';

// Ack latency of the real app (`node dist/main.js`: its logger, rate limiter, thread store and
// answer queue) against a bare Bolt app that only acks, at 200 concurrent signed /igrt
// requests. Server, load generator and Slack stub are separate processes; the server has a
// core of its own where taskset exists. Warm-up first, then several rounds alternating the
// two servers; between rounds the app's queued answers are left to reach the stub.
// Bounded: a fixed number of requests, all to 127.0.0.1.
const SECRET = 'bench-secret';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP = 2_000;
const tsx = ['--import', 'tsx'];
const children: ChildProcess[] = [];

const { file } = loadQuestions();
if (!existsSync(projectPath('dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first');

function start(core: number, args: string[], env: Record<string, string> = {}): ChildProcess {
  const [command, argv] = pinned(core, process.execPath, args);
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function until<T>(what: string, poll: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await poll().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (stub saw ${JSON.stringify(await stats())})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const stub = start(CORES.load, [...tsx, projectPath('bench', 'slack-side.ts')]);
const stubUrl = await new Promise<string>((resolve) => {
  stub.stdout?.once('data', (chunk) => resolve(`http://127.0.0.1:${String(chunk).trim()}`));
});
type Stats = { answers: number; rateLimited: number; busy: number; other: number };
const stats = async () => (await (await fetch(`${stubUrl}/stats`)).json()) as Stats;
const replies = (s: Stats) => s.answers + s.rateLimited + s.busy;

async function server(name: string, args: string[]): Promise<{ name: string; url: string }> {
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${stubUrl}/api/`,
    PORT: String(port),
  };
  const child = start(CORES.server, args, env);
  // The app's JSON log lines go nowhere, but they are written: logging is part of its cost.
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  await until(`${name} to listen`, async () => ((await fetch(url)).status > 0 ? true : undefined));
  return { name, url };
}

/** What the load generator reports for one run. */
interface Measured {
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly rps: number;
  readonly refused: { busy: number; rateLimited: number };
}

async function load(url: string, requests: number, round: string): Promise<Measured> {
  const child = start(CORES.load, [
    ...tsx,
    projectPath('bench', 'load-client.ts'),
    url,
    String(CONCURRENCY),
    String(requests),
    SECRET,
    stubUrl,
    file,
    round,
  ]);
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(out) as Measured;
}

try {
  const bare = await server('bare Bolt', [...tsx, projectPath('bench', 'bare-bolt.ts')]);
  const ours = await server('IGRT app', [projectPath('dist', 'main.js')]);
  console.log(
    `== ack latency at ${CONCURRENCY} concurrent: ${ROUNDS} rounds × ${REQUESTS} signed /igrt per server, after ${WARM_UP} warm-up; questions from ${file}; ${PINNING} (server core ${CORES.server}, load and stub core ${CORES.load})`,
  );
  await load(bare.url, WARM_UP, 'warm-bare');
  const before = replies(await stats());
  const warm = await load(ours.url, WARM_UP, 'warm');
  const warmExpected = before + WARM_UP - warm.refused.busy - warm.refused.rateLimited;
  await until('the warm-up answers', async () => (replies(await stats()) >= warmExpected ? true : undefined), 60_000);
  const figures = { bare: [] as Measured[], ours: [] as Measured[] };
  const delivered: Stats = { answers: 0, rateLimited: 0, busy: 0, other: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which server goes first, so neither always meets a warmer machine.
    for (const which of round % 2 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const)) {
      const target = which === 'bare' ? bare : ours;
      const start = await stats();
      const measured = await load(target.url, REQUESTS, String(round));
      figures[which].push(measured);
      let tail = '';
      if (which === 'ours') {
        // Wait for every answer the acks promised, so rounds do not overlap.
        const t = performance.now();
        const promised = replies(start) + REQUESTS - measured.refused.busy - measured.refused.rateLimited;
        const done = await until(
          `${promised} replies`,
          async () => {
            const now = await stats();
            return replies(now) >= promised ? now : undefined;
          },
          120_000,
        );
        for (const key of ['answers', 'rateLimited', 'busy'] as const) delivered[key] += done[key] - start[key];
        delivered.busy += measured.refused.busy;
        delivered.rateLimited += measured.refused.rateLimited;
        tail = `; ${measured.refused.busy} acks said "busy"; last answer ${(performance.now() - t).toFixed(0)} ms after the last ack`;
      }
      console.log(
        `  round ${round} ${target.name.padEnd(9)}: ack p50 ${measured.p50.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms, ${measured.rps.toFixed(0)} req/s, errors ${measured.errors}${tail}`,
      );
    }
  }
  const errors = [...figures.bare, ...figures.ours].reduce((sum, f) => sum + f.errors, 0);
  const summary = (kind: 'bare' | 'ours', p: 'p50' | 'p99') =>
    spread(
      figures[kind].map((f) => f[p]),
      1,
    );
  const ratios = (p: 'p50' | 'p99') =>
    spread(
      figures.ours.map((f, i) => f[p] / (figures.bare[i]?.[p] ?? Number.NaN)),
      2,
    );
  console.log(
    `  median (min–max) over rounds: bare Bolt p50 ${summary('bare', 'p50').text} ms, p99 ${summary('bare', 'p99').text} ms`,
  );
  console.log(
    `                                IGRT app  p50 ${summary('ours', 'p50').text} ms, p99 ${summary('ours', 'p99').text} ms`,
  );
  console.log(
    `  the app's replies: ${delivered.answers} answers, ${delivered.busy} "busy" (queue full), ${delivered.rateLimited} "slow down" (rate limit), in acks or posted`,
  );
  console.log('== targets (HTTP)');
  for (const p of ['p50', 'p99'] as const) {
    const ratio = ratios(p);
    console.log(target(`ack ${p} vs bare Bolt at ${CONCURRENCY}`, `${ratio.text}×`, '≤ 1.5×', ratio.median <= 1.5));
  }
  console.log(target('errors', String(errors), '0', errors === 0));
  const share = (100 * delivered.answers) / (ROUNDS * REQUESTS);
  console.log(
    `NOTE     answered ${delivered.answers} of ${ROUNDS * REQUESTS} (${share.toFixed(0)}%): ${CONCURRENCY} clients in a closed loop are more than one core can answer, so the rest were told "busy" in their ack`,
  );
} finally {
  for (const child of children) child.kill();
}
