import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

// The baseline: a bare Bolt app on the same receiver that only acks /igrt. Its own process,
// configured like the real one from the environment (PORT, SLACK_SIGNING_SECRET, SLACK_API_URL).
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', logLevel: LogLevel.ERROR });
const app = new App({
  token: 'xoxb-bench',
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  logLevel: LogLevel.ERROR,
});
app.command('/igrt', async ({ ack }) => {
  await ack();
});
await receiver.start(Number(process.env.PORT));
process.stdout.write('ready\n');
