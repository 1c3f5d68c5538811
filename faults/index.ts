// `npm run faults`: the real app process over HTTP, against a local Slack stub that can 429,
// 500, hang or refuse, and a real redis-server killed and restarted. One scenario per row of
// issue 15's table; prints what each delivered and exits 1 on any silent loss.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { AppProcess, command, freePort, mention, signed, sleep } from './app.js';
import { SlackStub } from './stub.js';

interface Row {
  fault: string;
  expected: number;
  delivered: number;
  told: number;
  maxRssMb: number;
  recoveryMs: number | string;
  /** A check of the row's own (not about answers) that failed, if any. */
  problem?: string;
}

/** One question the suite asked, and how to recognise its answer or notice at the stub. */
interface Asked {
  readonly user: string;
  readonly ts?: string;
  readonly path?: string;
}

const NOTICE = /faster than I can answer|a lot of questions|could not deliver/;
const Q = 'Horizon IMRT prostate';

function outcome(stub: SlackStub, asked: readonly Asked[]): { delivered: number; told: number } {
  let delivered = 0;
  let told = 0;
  for (const q of asked) {
    const mine = stub.received.filter((r) => (q.ts && r.threadTs === q.ts) || (q.path && r.path === q.path));
    if (mine.some((r) => r.method !== 'chat.postEphemeral' && !NOTICE.test(r.text))) delivered++;
    else if (
      mine.some((r) => NOTICE.test(r.text)) ||
      stub.received.some((r) => r.method === 'chat.postEphemeral' && r.user === q.user)
    )
      told++;
  }
  return { delivered, told };
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

async function settle(stub: SlackStub, asked: readonly Asked[], ms: number) {
  await until(() => {
    const o = outcome(stub, asked);
    return o.delivered + o.told >= asked.length;
  }, ms);
  return outcome(stub, asked);
}

async function withApp(env: Record<string, string>, run: (app: AppProcess, stub: SlackStub) => Promise<Row>, stubFirst = true) {
  const stub = new SlackStub();
  const stubPort = await freePort();
  if (stubFirst) await stub.start(stubPort);
  const app = new AppProcess(await freePort(), { SLACK_API_URL: `http://127.0.0.1:${stubPort}/api/`, ...env });
  try {
    await app.live();
    const row = await run(app, Object.assign(stub, { port: stubPort }));
    row.maxRssMb = app.maxRssMb;
    if (/unhandled_rejection|unhandled rejection/i.test(app.output))
      row.problem = `${row.problem ?? ''} unhandled rejection logged`;
    return row;
  } finally {
    await app.stop();
    await stub.stop();
  }
}

async function mentions(app: AppProcess, channel: string, users: readonly string[], text = Q): Promise<Asked[]> {
  const asked: Asked[] = [];
  await Promise.all(
    users.map(async (user) => {
      const m = mention(channel, user, text);
      asked.push({ user, ts: m.ts });
      await signed(app.url, m.body);
    }),
  );
  return asked;
}

async function commands(app: AppProcess, stub: SlackStub, ids: readonly string[]): Promise<Asked[]> {
  const asked: Asked[] = [];
  for (const id of ids) {
    const path = `/respond/${id}`;
    asked.push({ user: `U${id}`, path });
    const ack = await signed(
      app.url,
      command(Q, `http://127.0.0.1:${stub.port}${path}`, `U${id}`),
      'application/x-www-form-urlencoded',
    );
    // What rode in the acknowledgement (an answer ready in time, or a refusal) is what the user
    // was told, as much as a post to the response URL would be.
    if (ack.text.trim()) stub.received.push({ method: 'ack', path, text: ackText(ack.text), at: Date.now() });
  }
  return asked;
}

/** An acknowledgement's message as the stub records a post's: its text, then its blocks. */
function ackText(body: string): string {
  try {
    const message = JSON.parse(body) as { text?: unknown; blocks?: unknown };
    return `${typeof message.text === 'string' ? message.text : ''} ${JSON.stringify(message.blocks ?? '')}`;
  } catch {
    return body;
  }
}

const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

// --- Redis -----------------------------------------------------------------------------------

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
}

// --- Scenarios -------------------------------------------------------------------------------

const scenarios: [string, () => Promise<Row>][] = [
  [
    'Slack Web API unreachable when the app starts',
    () =>
      withApp(
        {},
        async (app, stub) => {
          await sleep(1500);
          const before = await app.readyz();
          const notReady = before.status === 503 && before.body.includes('"slack":{"ok":false');
          await stub.start(stub.port);
          const waited = await app.ready(35_000);
          const asked = await mentions(app, 'CSTART', users('UST', 3));
          const o = await settle(stub, asked, 10_000);
          return {
            fault: 'Slack Web API unreachable when the app starts',
            expected: asked.length,
            ...o,
            maxRssMb: 0,
            recoveryMs: waited < 0 ? 'never' : waited,
            ...(notReady ? {} : { problem: `readyz while Slack was down: ${before.status}` }),
          };
        },
        false,
      ),
  ],
  [
    'Redis killed while running (and restarted)',
    async () => {
      const port = await freePort();
      let redis = startRedis(port);
      await sleep(300);
      try {
        return await withApp({ REDIS_URL: `redis://127.0.0.1:${port}` }, async (app, stub) => {
          await app.ready(10_000);
          const asked = await mentions(app, 'CREDIS', users('URA', 2));
          redis.kill('SIGKILL');
          await sleep(300);
          asked.push(...(await mentions(app, 'CREDIS', users('URB', 3))));
          asked.push(...(await commands(app, stub, ['redis1', 'redis2'])));
          const o = await settle(stub, asked, 10_000);
          const saidSo = stub.received.filter((r) => r.text.includes('thread memory is unreachable')).length;
          const down = await app.readyz();
          redis = startRedis(port);
          const waited = await app.ready(15_000);
          const after = await mentions(app, 'CREDIS', users('URC', 2));
          const o2 = await settle(stub, after, 10_000);
          return {
            fault: 'Redis killed while running, then restarted',
            expected: asked.length + after.length,
            delivered: o.delivered + o2.delivered,
            told: o.told + o2.told,
            maxRssMb: 0,
            recoveryMs: waited < 0 ? 'never' : waited,
            ...(saidSo >= 5 && down.status === 503
              ? {}
              : { problem: `answers saying context is unavailable: ${saidSo}/5; readyz while down ${down.status}` }),
          };
        });
      } finally {
        redis.kill('SIGKILL');
      }
    },
  ],
  [
    'REDIS_URL on a closed port',
    async () => {
      const port = await freePort();
      return withApp({ REDIS_URL: `redis://127.0.0.1:${port}` }, async (app, stub) => {
        await sleep(500);
        const ready = await app.readyz();
        const asked = await mentions(app, 'CNOREDIS', users('UNR', 3));
        const o = await settle(stub, asked, 10_000);
        return {
          fault: 'REDIS_URL on a closed port',
          expected: asked.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: 'n/a',
          ...(ready.status === 503 && ready.body.includes('redis') ? {} : { problem: `readyz ${ready.status}` }),
        };
      });
    },
  ],
  [
    'Web API hangs (one channel)',
    () =>
      withApp({}, async (app, stub) => {
        stub.fail('chat.postMessage', 'hang', Number.POSITIVE_INFINITY, 'CHANG');
        const started = Date.now();
        const hung = await mentions(app, 'CHANG', users('UHG', 6));
        // Other channels are answered promptly while CHANG hangs.
        const others = await mentions(app, 'COTHER', users('UOK', 5));
        const prompt = await settle(stub, others, 5_000);
        const promptMs = Date.now() - started;
        const o = await settle(stub, [...hung, ...others], 40_000);
        return {
          fault: 'Web API hangs in one channel',
          expected: hung.length + others.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: `${Date.now() - started} (others ${promptMs})`,
          ...(prompt.delivered === others.length ? {} : { problem: `other channels held: ${prompt.delivered}/${others.length}` }),
        };
      }),
  ],
  [
    'response_url post fails (500, 429, reset, timeout)',
    () =>
      // Answers that would ride in the acknowledgement never reach the response URL: a budget of 0 sends them all there.
      withApp({ COMMAND_ACK_BUDGET_MS: '0' }, async (app, stub) => {
        stub.fail('/respond/r500', 500, 2);
        stub.fail('/respond/r429', 429, 1);
        stub.fail('/respond/rreset', 'reset', 1);
        stub.fail('/respond/rhang', 'hang', 1);
        const asked = await commands(app, stub, ['r500', 'r429', 'rreset', 'rhang']);
        const o = await settle(stub, asked, 20_000);
        return {
          fault: 'response_url post fails (500, 429, reset, timeout)',
          expected: asked.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: 'n/a',
        };
      }),
  ],
  [
    '429/500 that never recovers',
    () =>
      withApp({}, async (app, stub) => {
        stub.fail('chat.postMessage', 500, Number.POSITIVE_INFINITY, 'CDEAD');
        stub.fail('chat.postMessage', 429, Number.POSITIVE_INFINITY, 'CLIMIT');
        const asked = [...(await mentions(app, 'CDEAD', users('UDE', 3))), ...(await mentions(app, 'CLIMIT', users('ULI', 2)))];
        const o = await settle(stub, asked, 30_000);
        return { fault: '429/500 that never recovers', expected: asked.length, ...o, maxRssMb: 0, recoveryMs: 'n/a' };
      }),
  ],
  [
    'mention flood while the Web API hangs',
    () =>
      withApp({}, async (app, stub) => {
        stub.fail('chat.postMessage', 'hang');
        const asked: Asked[] = [];
        // One user's 50 mentions in one channel, and 200 users' 5 each across 20 channels.
        for (let i = 0; i < 50; i++) asked.push(...(await mentions(app, 'CFLOOD', ['UFLOOD'])));
        for (let round = 0; round < 5; round++)
          for (let c = 0; c < 20; c++) asked.push(...(await mentions(app, `CF${c}`, users(`UF${c}x`, 10))));
        const o = await settle(stub, asked, 40_000);
        const slowDowns = stub.received.filter((r) => r.text.includes('faster than I can answer')).length;
        const perChannel = Math.max(
          ...[...Array(20).keys()].map((c) => stub.received.filter((r) => r.channel === `CF${c}`).length),
        );
        return {
          fault: 'mention flood while the Web API hangs',
          expected: asked.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: 'n/a',
          ...(slowDowns <= 1 && perChannel <= 30
            ? {}
            : { problem: `"slow down" notices ${slowDowns}; most posts in one channel ${perChannel}` }),
        };
      }),
  ],
  [
    '200 concurrent 4 MB unsigned bodies',
    () =>
      withApp({}, async (app, stub) => {
        const big = Buffer.alloc(4 * 1024 * 1024, 'a');
        const statuses = await Promise.all(Array.from({ length: 200 }, () => postRaw(app.port, big)));
        const refused = statuses.filter((s) => s === 413 || s === 0).length;
        const asked = await mentions(app, 'CBIG', users('UBIG', 3));
        const o = await settle(stub, asked, 10_000);
        return {
          fault: '200 concurrent 4 MB unsigned bodies',
          expected: asked.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: 'n/a',
          ...(refused === 200 && app.maxRssMb < 250 ? {} : { problem: `${refused}/200 refused; RSS ${app.maxRssMb} MB` }),
        };
      }),
  ],
  [
    'SIGTERM while a client holds a half-sent request',
    () =>
      withApp({}, async (app, stub) => {
        const socket = connect(app.port, '127.0.0.1');
        socket.on('error', () => {});
        socket.write(
          'POST /slack/events HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"a":',
        );
        const asked = await mentions(app, 'CTERM', users('UTERM', 2));
        const started = Date.now();
        app.child.kill('SIGTERM');
        const code = await Promise.race([app.exited, sleep(30_000).then(() => 'timeout')]);
        const exitMs = Date.now() - started;
        socket.destroy();
        const o = outcome(stub, asked);
        return {
          fault: 'SIGTERM while a client holds a half-sent request',
          expected: asked.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: `exit ${exitMs}`,
          ...(code === 0 ? {} : { problem: `exit: ${code}` }),
        };
      }),
  ],
  [
    'signed body null (and other non-objects)',
    () =>
      withApp({}, async (app, stub) => {
        const started = Date.now();
        const statuses = await Promise.all(['null', '42', '[]', '"x"'].map((b) => signed(app.url, b).then((r) => r.status)));
        const form = await signed(app.url, 'payload=null', 'application/x-www-form-urlencoded');
        const ms = Date.now() - started;
        const asked = await mentions(app, 'CNULL', users('UNULL', 2));
        const o = await settle(stub, asked, 10_000);
        const all400 = [...statuses, form.status].every((s) => s === 400);
        return {
          fault: 'signed body null / non-object JSON',
          expected: asked.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: `400 in ${ms}`,
          ...(all400 && ms < 2000 ? {} : { problem: `statuses ${[...statuses, form.status].join(',')} in ${ms} ms` }),
        };
      }),
  ],
  [
    'LOG_QUESTION_TEXT=true (and debug)',
    () =>
      withApp({ LOG_QUESTION_TEXT: 'true', LOG_LEVEL: 'debug' }, async (app, stub) => {
        const phi = 'pt John Smith, 67 yo, born in 1958, MRN: 123 456 78, at 2025-03-04T10:22:33Z: Horizon IMRT prostate';
        const asked = await mentions(app, 'CPHI', ['UPHI'], phi);
        const o = await settle(stub, asked, 10_000);
        await sleep(200);
        // A log line's epoch-millisecond time may hold "1958" by chance: it is no question text.
        const logged = app.output.replace(/"time":\d+/g, '');
        const leaked = ['John', 'Smith', '67 yo', '1958', '456 78', '10:22:33'].filter((p) => logged.includes(p));
        return {
          fault: 'LOG_QUESTION_TEXT=true, LOG_LEVEL=debug',
          expected: asked.length,
          ...o,
          maxRssMb: 0,
          recoveryMs: 'n/a',
          ...(leaked.length === 0 && logged.includes('[name]')
            ? {}
            : { problem: `in the log: ${leaked.join(', ') || 'no masked text'}` }),
        };
      }),
  ],
];

function postRaw(port: number, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/slack/events',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function main(): Promise<void> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.error('redis-server is not installed (apt-get install redis-server)');
    process.exit(1);
  }
  const only = process.argv[2];
  const rows: Row[] = [];
  const started = Date.now();
  for (const [name, run] of scenarios) {
    if (only && !name.toLowerCase().includes(only.toLowerCase())) continue;
    const t = Date.now();
    try {
      rows.push(await run());
    } catch (error) {
      rows.push({ fault: name, expected: 1, delivered: 0, told: 0, maxRssMb: 0, recoveryMs: 'n/a', problem: String(error) });
    }
    process.stderr.write(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const header = [
    'fault',
    'answers expected',
    'answers delivered',
    'user told',
    'silent loss',
    'max RSS MB',
    'recovery ms',
    'check',
  ];
  const lines = rows.map((r) => [
    r.fault,
    String(r.expected),
    String(r.delivered),
    String(r.told),
    String(r.expected - r.delivered - r.told),
    String(r.maxRssMb),
    String(r.recoveryMs),
    r.problem ? `FAIL: ${r.problem}` : 'ok',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const l of lines) console.log(fmt(l));
  const silent = rows.filter((r) => r.expected - r.delivered - r.told > 0 || r.problem);
  console.log(
    `fault suite: ${rows.length} faults in ${((Date.now() - started) / 1000).toFixed(0)} s; ${silent.length ? `${silent.length} with silent loss or a failed check` : 'no silent loss'}`,
  );
  process.exit(silent.length ? 1 : 0);
}

await main();
