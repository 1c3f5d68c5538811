import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { defaultPipeline } from '../src/answer/pipeline.js';
import { projectPath } from '../src/data/paths.js';
import { writeMix } from './mix.js';
import { CORES, PINNING, pinned } from './pin.js';
import { latencies, spread, target } from './stats.js';

// The real app (`node dist/main.js`: pino logging, rate limiter, thread store, work queue) and
// a bare Bolt app that only acks (`node bench/bare-bolt.mjs`), both plain `node`, same HTTP
// receiver, same LOG_LEVEL, each alone on the server core; load generator and Slack stub on the
// other core. Open loop at fixed offered rates; each run measures every rate on both servers
// (alternating which goes first), and the figures are the median (min–max) of the runs.
// Who asks: a pool of returning users, each seen once before the runs (as in real use, where the
// app has their time zone cached for 12 h); first contact with a user (a users.info lookup per
// command) is measured apart, at one rate, and its cost stated beside the targets.
const SECRET = 'bench-secret';
const RATES = (process.env.BENCH_RATES ?? '20,100,300,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
// Returning users: every one seen before the runs. A run sends ours some 5,700 commands over a
// minute or more, about 6 per user against a per-user budget of 10 plus 0.5 a second (at 1,000/s
// each user asks once a second for 4 s), and the pool fits the app's 10k-user caches with room to spare.
const USERS = Number(process.env.BENCH_USERS ?? 1000);
// BENCH_CPU_PROF=DIR: both servers write a V8 CPU profile there when they stop (node --cpu-prof).
const PROFILE = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const FIRST_CONTACT_RATE = Number(process.env.BENCH_FIRST_CONTACT_RATE ?? 100);
// Commands each server answers before the runs. V8 keeps optimising (and de-optimising) the
// answer path for thousands of distinct questions: in process, optimisations per 5,252-question
// pass went 528, 136, 64, 40, 24, 22, 4 — until they settle, the compiler's background threads
// share the one pinned core, which a bot that has been up for an hour no longer pays. Both
// servers get the same warm-up; at 200/s each returning user asks about 10 times in 50 s,
// within the per-user budget (10, plus 0.5 a second).
const WARM_COMMANDS = Number(process.env.BENCH_WARM ?? 10_000);
const TICK_MS = 1000 / 100; // /proc/<pid>/stat counts CPU in clock ticks (USER_HZ, 100 on Linux)
const children: ChildProcess[] = [];

if (!existsSync(projectPath('dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first');
const mix = writeMix(defaultPipeline());

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, poll: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await poll().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      console.log(`  (gave up waiting for ${what})`);
      return undefined;
    }
    await sleep(50);
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc (taskset execs node, so the pid is node's). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const stub = start(CORES.load, ['--import', 'tsx', projectPath('bench', 'slack-side.ts')]);
const stubUrl = await new Promise<string>((resolve) => {
  stub.stdout?.once('data', (chunk) => resolve(`http://127.0.0.1:${String(chunk).trim()}`));
});
type Delivered = { answers: number; rateLimited: number; busy: number; endToEnd: number[] };
const delivered = async (tag: string) => (await (await fetch(`${stubUrl}/stats/${tag}`)).json()) as Delivered;
const lookups = async () => ((await (await fetch(`${stubUrl}/stats/lookups`)).json()) as { lookups: number }).lookups;

interface Server {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  readonly answers: boolean;
}

async function server(name: string, args: string[], answers: boolean): Promise<Server> {
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${stubUrl}/api/`,
    PORT: String(port),
    LOG_LEVEL,
  };
  const child = start(CORES.server, [...PROFILE, ...args], env);
  // Log lines go nowhere, but they are written: logging is part of the cost.
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  await until(`${name} to listen`, async () => ((await fetch(url)).status > 0 ? true : undefined), 30_000);
  return { name, url, pid: child.pid as number, answers };
}

interface Measured {
  readonly ackP50: number;
  readonly ackP99: number;
  readonly errors: number;
  readonly answered: number;
  /** Of the commands, the share answered in the ack body itself (no response-URL post). */
  readonly inAck: number;
  readonly busy: number;
  /** Acks past Slack's 3 s (the user is shown an error; an answer in such an ack is lost). */
  readonly late: number;
  readonly e2eP50: number;
  readonly e2eP99: number;
  readonly cpuPerCommand: number;
  /** users.info lookups the app made per command (1 at first contact, 0 for returning users). */
  readonly lookupsPerCommand: number;
}

/** Who asks: a user never seen for each command, or users drawn in turn from the returning pool. */
type Askers = 'new' | 'returning';

let offset = 0;
async function measure(s: Server, rate: number, tag: string, askers: Askers, seconds = SECONDS): Promise<Measured> {
  const commands = Math.round(rate * seconds);
  const cpuBefore = cpuMs(s.pid);
  const lookupsBefore = await lookups();
  const child = start(CORES.load, [
    '--import',
    'tsx',
    projectPath('bench', 'open-loop-client.ts'),
    s.url,
    String(rate),
    String(seconds),
    SECRET,
    stubUrl,
    mix.file,
    tag,
    String(offset),
    askers === 'new' ? 'new' : String(USERS),
  ]);
  offset += commands;
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const acks = JSON.parse(out) as {
    p50: number;
    p99: number;
    errors: number;
    refused: { busy: number; rateLimited: number };
    late: number;
    lostInLateAck: number;
    inAck: number[];
  };
  let got: Delivered = { answers: 0, rateLimited: 0, busy: 0, endToEnd: [] };
  if (s.answers) {
    // Every command the ack neither refused nor answered (in time or too late) is owed a reply at its response URL.
    const owed = commands - acks.refused.busy - acks.refused.rateLimited - acks.inAck.length - acks.lostInLateAck;
    got =
      (await until(
        `${owed} replies to ${tag}`,
        async () => {
          const d = await delivered(tag);
          return d.answers + d.busy + d.rateLimited >= owed ? d : undefined;
        },
        30_000,
      )) ?? (await delivered(tag));
  }
  const cpu = cpuMs(s.pid) - cpuBefore;
  const looked = (await lookups()) - lookupsBefore;
  // An answer is one whichever way it came: in the ack body, timed when the ack arrived, or at the response URL.
  const endToEnd = latencies([...got.endToEnd, ...(s.answers ? acks.inAck : [])]);
  return {
    ackP50: acks.p50,
    ackP99: acks.p99,
    errors: acks.errors,
    answered: (got.answers + (s.answers ? acks.inAck.length : 0)) / commands,
    inAck: s.answers ? acks.inAck.length / commands : 0,
    busy: acks.refused.busy + got.busy,
    late: acks.late,
    e2eP50: endToEnd.p50,
    e2eP99: endToEnd.p99,
    cpuPerCommand: cpu / commands,
    lookupsPerCommand: looked / commands,
  };
}

try {
  const bare = await server('bare Bolt', [projectPath('bench', 'bare-bolt.mjs')], false);
  const ours = await server('IGRT app', [projectPath('dist', 'main.js')], true);
  console.log(
    `== HTTP, open loop: ${RATES.join(', ')} commands/s for ${SECONDS} s each from ${USERS} returning users in 100 channels, and first contact (a new user each command) at ${FIRST_CONTACT_RATE}/s; both servers warmed with ${WARM_COMMANDS} commands, ${RUNS} runs; LOG_LEVEL=${LOG_LEVEL}; questions: ${mix.label} (${mix.count}); ${PINNING} (server core ${CORES.server}, load and stub core ${CORES.load})`,
  );
  // Warm-up: JIT, caches and sockets, on both, at a moderate rate (see WARM_COMMANDS).
  for (const s of [bare, ours]) {
    await measure(s, 200, `warm-${s === ours ? 'ours' : 'bare'}`, 'returning', WARM_COMMANDS / 200);
    await sleep(1000);
  }
  const results = new Map<number, { bare: Measured[]; ours: Measured[] }>(RATES.map((r) => [r, { bare: [], ours: [] }]));
  const firstContact: { bare: Measured[]; ours: Measured[] } = { bare: [], ours: [] };
  for (let run = 1; run <= RUNS; run++) {
    for (const rate of [...RATES, 'first contact'] as const) {
      const order = (run + (typeof rate === 'number' ? rate : 1)) % 2 ? [bare, ours] : [ours, bare];
      for (const s of order) {
        const who = s === ours ? 'ours' : 'bare';
        if (typeof rate === 'number') {
          const m = await measure(s, rate, `${run}-${rate}-${who}`, 'returning');
          results.get(rate)?.[who].push(m);
        } else {
          firstContact[who].push(await measure(s, FIRST_CONTACT_RATE, `${run}-first-${who}`, 'new'));
        }
        await sleep(300);
      }
    }
    console.log(`  run ${run} of ${RUNS} done`);
  }
  const ms = (values: number[], digits = 1) => spread(values, digits).text;
  const verdicts: string[] = [];
  const report = (label: string, { bare: b, ours: o }: { bare: Measured[]; ours: Measured[] }) => {
    const ratio = (k: 'ackP50' | 'ackP99' | 'cpuPerCommand') =>
      spread(
        o.map((m, i) => m[k] / (b[i]?.[k] ?? Number.NaN)),
        2,
      );
    const answered = spread(
      o.map((m) => 100 * m.answered),
      2,
    );
    console.log(`-- ${label}`);
    console.log(
      `  ack p50   bare ${ms(b.map((m) => m.ackP50))} ms, app ${ms(o.map((m) => m.ackP50))} ms, ratio ${ratio('ackP50').text}×`,
    );
    console.log(
      `  ack p99   bare ${ms(b.map((m) => m.ackP99))} ms, app ${ms(o.map((m) => m.ackP99))} ms, ratio ${ratio('ackP99').text}×`,
    );
    console.log(
      `  answered  ${answered.text}% (in the ack ${
        spread(
          o.map((m) => 100 * m.inAck),
          1,
        ).text
      }%)  ("busy": ${o.map((m) => m.busy).join(', ')}; acks past Slack's 3 s: ${o.map((m) => m.late).join(', ')}; errors: ${[...b, ...o].map((m) => m.errors).join(', ')})`,
    );
    console.log(`  answer end to end p50 ${ms(o.map((m) => m.e2eP50))} ms, p99 ${ms(o.map((m) => m.e2eP99))} ms`);
    console.log(
      `  CPU per command  bare ${ms(
        b.map((m) => m.cpuPerCommand),
        2,
      )} ms, app ${ms(
        o.map((m) => m.cpuPerCommand),
        2,
      )} ms, ratio ${ratio('cpuPerCommand').text}×; users.info lookups per command ${ms(
        o.map((m) => m.lookupsPerCommand),
        2,
      )}`,
    );
    return ratio;
  };
  for (const rate of RATES) {
    const o = (results.get(rate) as { ours: Measured[] }).ours;
    const ratio = report(`${rate} commands/s, returning users`, results.get(rate) as { bare: Measured[]; ours: Measured[] });
    const answered = spread(
      o.map((m) => 100 * m.answered),
      2,
    );
    if (rate <= 300) {
      const p99 = ratio('ackP99');
      verdicts.push(target(`ack p99 vs bare Bolt at ${rate}/s`, `${p99.text}×`, '≤ 2×', p99.median <= 2));
    }
    if (rate === 300) verdicts.push(target('real answers at 300/s', `${answered.text}%`, '≥ 99.9%', answered.median >= 99.9));
    const cpu = ratio('cpuPerCommand');
    verdicts.push(target(`CPU per command vs bare Bolt at ${rate}/s`, `${cpu.text}×`, '≤ 2×', cpu.median <= 2));
  }
  // First contact: the same work plus one users.info lookup (request, response, cache entry).
  const first = report(`first contact, ${FIRST_CONTACT_RATE} commands/s: a new user each command`, firstContact);
  const returning = results.get(FIRST_CONTACT_RATE)?.ours;
  const extra = returning
    ? ` (≈ ${(spread(firstContact.ours.map((m) => m.cpuPerCommand)).median - spread(returning.map((m) => m.cpuPerCommand)).median).toFixed(2)} ms more CPU than a returning user's)`
    : '';
  verdicts.push(
    `NOTE     first contact at ${FIRST_CONTACT_RATE}/s: CPU per command ${first('cpuPerCommand').text}× bare Bolt${extra}, ack p99 ${first('ackP99').text}×`,
  );
  console.log('== targets (HTTP)');
  for (const line of verdicts) console.log(line);
} finally {
  for (const child of children) child.kill();
  rmSync(mix.file, { force: true });
}
