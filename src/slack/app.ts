import { App, HTTPReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createLogger } from '../log/logger.js';
import { boltLevel, boltLogger } from './bolt-logger.js';
import type { SlackDeps } from './deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { ShedLog } from './shed-log.js';
import { UserTimeZones } from './user-time-zones.js';
import { WorkQueue } from './work-queue.js';

type SlackConfig = Exclude<Config, { mode: 'console' }>;

/** The Slack app, the queue its answers run on and, in HTTP mode, its receiver (tests start it on a port of their choosing). */
export interface SlackApp {
  readonly app: App;
  readonly work: WorkQueue;
  readonly receiver?: HTTPReceiver;
}

/** What createSlackApp needs; the log and the work queue are built from the configuration when not given. */
export type SlackAppDeps = Omit<SlackDeps, 'work' | 'log' | 'shed'> & { readonly work?: WorkQueue; readonly log?: Logger };

// Declared before the app exists: the time-zone lookup only runs when a question is answered.
function timeZonesOf(config: SlackConfig, app: () => App): UserTimeZones {
  return new UserTimeZones(async (user) => (await app().client.users.info({ user })).user?.tz, config.defaultTimeZone);
}

/** Wires the listeners to a Bolt app over HTTP (`/slack/events`, `GET /healthz`) or Socket Mode. */
export function createSlackApp(config: SlackConfig, given: SlackAppDeps): SlackApp {
  // A slow or failing Web API call is retried a few times (429s honour Retry-After), then
  // reported — never left to crash the process.
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    timeout: 10_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3000 },
  };
  const log = given.log ?? createLogger({ level: config.logLevel, logQuestionText: config.logQuestionText });
  const work =
    given.work ??
    new WorkQueue(config.queue, (error) =>
      log.error({ event: 'answer_failed', error: error instanceof Error ? error.message : String(error) }, 'answer failed'),
    );
  let app: App;
  const deps: SlackDeps = {
    timeZones: timeZonesOf(config, () => app),
    ...given,
    log,
    work,
    shed: new ShedLog(log),
  };
  // Bolt writes through the project’s pino logger, at that logger’s level (LOG_LEVEL).
  const logger = boltLogger(log);
  const logLevel = boltLevel(log.level);
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'socket' && config.appToken) {
    app = new App({ token: config.botToken, appToken: config.appToken, socketMode: true, clientOptions, logger, logLevel });
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
      logger,
    });
    app = new App({ token: config.botToken, receiver, clientOptions, logger, logLevel });
  }
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    // Slack sees a polite failure through Bolt; the log gets the code, never the question.
    log.error({ event: 'listener_failed', code: error.code ?? error.name }, 'listener failed');
  });
  return receiver ? { app, work, receiver } : { app, work };
}
