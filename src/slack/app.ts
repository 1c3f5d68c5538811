import { App, HTTPReceiver, type Logger, LogLevel } from '@slack/bolt';
import type { Config } from '../config.js';
import type { SlackDeps } from './deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { WorkQueue } from './work-queue.js';

type SlackConfig = Exclude<Config, { mode: 'console' }>;

/** The Slack app and, in HTTP mode, its receiver (tests start it on a port of their choosing). */
export interface SlackApp {
  readonly app: App;
  readonly receiver?: HTTPReceiver;
}

/** Wires the listeners to a Bolt app over HTTP (`/slack/events`, `GET /healthz`) or Socket Mode. */
export function createSlackApp(config: SlackConfig, given: Omit<SlackDeps, 'work'> & { work?: WorkQueue }): SlackApp {
  // A slow or failing Web API call is retried a few times (429s honour Retry-After), then
  // reported through app.error — never left to crash the process.
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    timeout: 10_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3000 },
  };
  const logLevel = config.logLevel === 'debug' || config.logLevel === 'trace' ? LogLevel.DEBUG : LogLevel.INFO;
  const logger: Logger | undefined = given.logger;
  const deps: SlackDeps = {
    ...given,
    work:
      given.work ??
      new WorkQueue((error) => given.log?.error({ event: 'deferred_answer_failed', error: String(error) }, 'answer failed')),
  };
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'socket' && config.appToken) {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      clientOptions,
      logLevel,
      ...(logger ? { logger } : {}),
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"ok":true}');
          },
        },
      ],
      ...(logger ? { logger } : {}),
      logLevel,
    });
    app = new App({ token: config.botToken, receiver, clientOptions, logLevel, ...(logger ? { logger } : {}) });
  }
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    // Slack sees a polite failure through Bolt; the log gets the code, never the question.
    (logger ?? app.logger).error(`listener failed: ${error.code ?? error.name}`);
  });
  return receiver ? { app, receiver } : { app };
}
