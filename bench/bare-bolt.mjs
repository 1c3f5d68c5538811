import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

// The baseline: a bare Bolt app on the same receiver that only acks /igrt. Plain JavaScript,
// started like the real app (plain `node`, no loader), configured from the same environment
// (PORT, SLACK_SIGNING_SECRET, SLACK_API_URL) and at the same log level (LOG_LEVEL).
const levels = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };
const logLevel = levels[process.env.LOG_LEVEL ?? 'info'] ?? LogLevel.INFO;
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', logLevel });
const app = new App({
  token: 'xoxb-bench',
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  logLevel,
});
app.command('/igrt', async ({ ack }) => {
  await ack();
});
await receiver.start(Number(process.env.PORT));
process.stdout.write('ready\n');
// Exits on SIGTERM as the app does, so a CPU profile (BENCH_CPU_PROF) is written.
process.once('SIGTERM', () => process.exit(0));
