import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { answer } from '../src/answer/answer.js';
import { defaultPipeline } from '../src/answer/pipeline.js';
import { readConfig } from '../src/config.js';
import { MemoryEventDeduper } from '../src/context/dedupe.js';
import { MemoryContextStore } from '../src/context/memory-store.js';
import { projectPath } from '../src/data/paths.js';
import { createSlackApp } from '../src/slack/app.js';
import { target } from './stats.js';

// Loopback load test of HTTP mode: signed slash commands at concurrency 50 and 200 against
// the real app and a bare Bolt app that only acks, both served by this process, driven by a
// load generator in a child process. Bounded: a fixed number of requests, all to 127.0.0.1.
const SECRET = 'bench-secret';
const REQUESTS = 2000;

// Slack's side (Web API and response URLs) runs in its own process, like the real thing.
const slackSide = spawn(process.execPath, ['--import', 'tsx', projectPath('bench', 'slack-side.ts')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const sinkUrl = await new Promise<string>((resolve) => {
  slackSide.stdout.once('data', (chunk) => resolve(`http://127.0.0.1:${String(chunk).trim()}`));
});

async function ours(): Promise<{ url: string; stop: () => Promise<unknown> }> {
  const config = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${sinkUrl}/api/`,
    LOG_LEVEL: 'error',
  });
  if (config.mode === 'console') throw new Error('expected Slack mode');
  const { receiver } = createSlackApp(config, {
    answer,
    pipeline: defaultPipeline(),
    store: new MemoryContextStore(),
    dedupe: new MemoryEventDeduper(),
  });
  if (!receiver) throw new Error('expected HTTP mode');
  const server = (await receiver.start(0)) as Server;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => receiver.stop() };
}

async function bare(): Promise<{ url: string; stop: () => Promise<unknown> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    token: 'xoxb-bench',
    receiver,
    clientOptions: { slackApiUrl: `${sinkUrl}/api/` },
    logLevel: LogLevel.ERROR,
  });
  app.command('/igrt', async ({ ack }) => {
    await ack();
  });
  const server = (await receiver.start(0)) as Server;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => receiver.stop() };
}

/** Runs the load generator in a child process and reads its figures. */
async function load(url: string, concurrency: number): Promise<{ p50: number; p99: number; errors: number; rps: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', projectPath('bench', 'load-client.ts'), url, String(concurrency), String(REQUESTS), SECRET, sinkUrl],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(out) as { p50: number; p99: number; errors: number; rps: number };
}

const apps = { bolt: await bare(), ours: await ours() };
for (const concurrency of [50, 200]) {
  const baseline = await load(apps.bolt.url, concurrency);
  const measured = await load(apps.ours.url, concurrency);
  const ratio = measured.p99 / baseline.p99;
  console.log(`concurrency ${concurrency}, ${REQUESTS} signed /igrt requests each:`);
  console.log(
    `  bare Bolt (ack only): ack p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms, ${baseline.rps.toFixed(0)} req/s, errors ${baseline.errors}`,
  );
  console.log(
    `  IGRT app:             ack p50 ${measured.p50.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms, ${measured.rps.toFixed(0)} req/s, errors ${measured.errors}`,
  );
  console.log(target(`ack p99 ratio at ${concurrency}`, `${ratio.toFixed(2)}×`, '≤ 1.5× bare Bolt', ratio <= 1.5));
  console.log(target(`errors at ${concurrency}`, String(measured.errors), '0', measured.errors === 0));
}
// Let the last answers reach the sink before the servers close.
await new Promise((resolve) => setTimeout(resolve, 2000));
await apps.bolt.stop();
await apps.ours.stop();
slackSide.kill();
