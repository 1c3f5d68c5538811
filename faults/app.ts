import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';

export const SECRET = 'fault-signing-secret';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real app (`node dist/main.js`) in its own process, its RSS sampled while it runs. */
export class AppProcess {
  readonly child: ChildProcess;
  readonly url: string;
  maxRssMb = 0;
  output = '';
  exited: Promise<number | null>;
  private readonly sampler: NodeJS.Timeout;

  constructor(
    readonly port: number,
    env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, ['dist/main.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: 'xoxb-fault',
        SLACK_SIGNING_SECRET: SECRET,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SLACK_API_TIMEOUT_MS: '1500',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      // The log is kept for the PHI check; bounded, so a chatty fault cannot fill memory here.
      if (this.output.length < 5_000_000) this.output += String(chunk);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.sampler = setInterval(() => this.sample(), 100);
  }

  private sample(): void {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.maxRssMb = Math.max(this.maxRssMb, Math.round(kb / 1024));
    } catch {
      // exited
    }
  }

  /** Waits until the app answers HTTP at all (liveness). */
  async live(ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if ((await get(`${this.url}/healthz`).catch(() => 0)) === 200) return;
      await sleep(50);
    }
    throw new Error(`app did not come up: ${this.output.slice(-2000)}`);
  }

  /** Waits for /readyz to give 200; resolves with how long it took (or -1 on timeout). */
  async ready(ms = 20_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < ms) {
      if ((await get(`${this.url}/readyz`).catch(() => 0)) === 200) return Date.now() - started;
      await sleep(100);
    }
    return -1;
  }

  async readyz(): Promise<{ status: number; body: string }> {
    return getBody(`${this.url}/readyz`);
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    this.sample();
    if (this.child.exitCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

function get(url: string): Promise<number> {
  return getBody(url).then((r) => r.status);
}

function getBody(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += String(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** A request signed as Slack signs it. Resolves with the status (0 if the connection failed). */
export function signed(url: string, body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
    signal: AbortSignal.timeout(10_000),
  }).then(
    async (res) => ({ status: res.status, text: await res.text() }),
    () => ({ status: 0, text: '' }),
  );
}

let seq = 0;

/** A mention event in a channel from a user, and the ts its answer's thread will carry. */
export function mention(channel: string, user: string, text: string): { body: string; ts: string } {
  seq++;
  const ts = `${1_900_000_000 + seq}.000100`;
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `EvF${Date.now()}${seq}`,
    event_time: 1,
    event: { type: 'app_mention', user, text: `<@UBOT> ${text}`, channel, ts },
    authorizations: [{ user_id: 'UBOT', is_bot: true, team_id: 'T1' }],
  });
  return { body, ts };
}

/** A slash command's form body, answered on a response URL of the stub. */
export function command(text: string, responseUrl: string, user: string, channel = 'CCMD'): string {
  return new URLSearchParams({
    command: '/igrt',
    text,
    team_id: 'T1',
    channel_id: channel,
    user_id: user,
    response_url: responseUrl,
    trigger_id: 't',
    api_app_id: 'A1',
  }).toString();
}
