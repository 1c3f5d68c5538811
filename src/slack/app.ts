import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { StoreHealth } from '../context/resilient.js';
import { createLogger } from '../log/logger.js';
import { SlackAuthorization } from './authorization.js';
import { boltLevel, boltLogger } from './bolt-logger.js';
import { Delivery } from './delivery.js';
import type { SlackDeps } from './deps.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { LoopLoad } from './loop-load.js';
import { NoticeGate, newOutcomes, type OutcomeCounts } from './outcomes.js';
import { readiness } from './readiness.js';
import { ShedLog } from './shed-log.js';
import { UserTimeZones } from './user-time-zones.js';
import { WorkQueue } from './work-queue.js';

type SlackConfig = Exclude<Config, { mode: 'console' }>;

/** The Slack app, the queue its answers run on and, in HTTP mode, its receiver (tests start it on a port of their choosing). */
export interface SlackApp {
  readonly app: App;
  readonly work: WorkQueue;
  readonly receiver?: HTTPReceiver;
  /** The token check (retried until it succeeds); start it once the app is built. */
  readonly auth: SlackAuthorization;
  readonly delivery: Delivery;
  readonly outcomes: OutcomeCounts;
  /** Makes readiness report "stopping" (the process is draining). */
  markStopping(): void;
}

/** What createSlackApp needs; the log and the work queue are built from the configuration when not given. */
export type SlackAppDeps = Omit<
  SlackDeps,
  'work' | 'log' | 'shed' | 'delivery' | 'outcomes' | 'notices' | 'failureNotices' | 'commandAckBudgetMs'
> & {
  readonly work?: WorkQueue;
  readonly log?: Logger;
  /** Whether the shared store (Redis) answers, for readiness; absent when there is none. */
  readonly storeHealth?: () => StoreHealth;
};

// Declared before the app exists: the time-zone lookup only runs when a question is answered.
function timeZonesOf(config: SlackConfig, app: () => App): UserTimeZones {
  return new UserTimeZones(
    async (user) => (await app().client.users.info({ user, token: config.botToken })).user?.tz,
    config.defaultTimeZone,
  );
}

/** Wires the listeners to a Bolt app over HTTP (`/slack/events`, `GET /healthz`) or Socket Mode. */
export function createSlackApp(config: SlackConfig, given: SlackAppDeps): SlackApp {
  // A slow or failing Web API call is retried a few times (429s honour Retry-After), then
  // reported — never left to crash the process.
  // Patience is bounded: 5 s per call, two more tries with jittered pauses (a hanging API holds
  // a delivery about 16 s, not 40), and delivery's per-destination limit keeps one hanging
  // channel from holding the rest.
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    timeout: config.slackApiTimeoutMs ?? 5_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 3000, randomize: true },
  };
  const log = given.log ?? createLogger({ level: config.logLevel, logQuestionText: config.logQuestionText });
  const work =
    given.work ??
    new WorkQueue(config.queue, (error) =>
      log.error({ event: 'answer_failed', error: error instanceof Error ? error.message : String(error) }, 'answer failed'),
    );
  const delivery = new Delivery();
  const outcomes = newOutcomes();
  const deps: SlackDeps = {
    // The lookup runs only when a question is answered, by then `app` is built.
    timeZones: timeZonesOf(config, () => app),
    commandAckBudgetMs: config.commandAckBudgetMs,
    loopLoad: new LoopLoad(),
    ...given,
    log,
    work,
    shed: new ShedLog(log),
    delivery,
    outcomes,
    notices: new NoticeGate(),
    failureNotices: new NoticeGate(10_000),
  };
  // Bolt writes through the project’s pino logger, at that logger’s level (LOG_LEVEL).
  const logger = boltLogger(log);
  const logLevel = boltLevel(log.level);
  // Our own authorize instead of Bolt's token option: Bolt keeps a failed start-up auth.test
  // for good, so every later request would be acked and dropped.
  const authClient = new webApi.WebClient(config.botToken, { ...clientOptions, logger, logLevel });
  const auth = new SlackAuthorization(
    config.botToken,
    () => authClient.auth.test(),
    undefined,
    (state) =>
      state.ok
        ? log.info({ event: 'slack_auth_ok', attempts: state.attempts }, 'slack authorization ok')
        : log.warn({ event: 'slack_auth_failed', attempts: state.attempts, reason: state.reason }, 'slack authorization failed'),
  );
  let stopping = false;
  const ready = readiness({
    auth: () => auth.state,
    ...(given.storeHealth ? { store: given.storeHealth } : {}),
    queue: () => ({
      waiting: work.size,
      maxQueued: config.queue.maxQueued,
      deliveries: delivery.size,
      saturated: delivery.saturated,
    }),
    stopping: () => stopping,
    outcomes,
  });
  // Bolt's conversation store is off: thread context lives in our own store, and Bolt's default
  // looks every request up in its own, building an Error (stack trace and all) for each miss.
  const convoStore = false;
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'socket' && config.appToken) {
    app = new App({
      authorize: auth.authorize,
      appToken: config.appToken,
      socketMode: true,
      clientOptions,
      logger,
      logLevel,
      convoStore,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      customRoutes: [
        { path: '/healthz', method: ['GET'], handler: ready.live },
        { path: '/readyz', method: ['GET'], handler: ready.ready },
      ],
      // The HTTP front refuses larger bodies before buffering; this covers Bolt's own start().
      bodyLimit: config.http.bodyLimitBytes,
      logger,
    });
    app = new App({ authorize: auth.authorize, receiver, clientOptions, logger, logLevel, convoStore });
  }
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    // Slack sees a polite failure through Bolt; the log gets the code, never the question.
    log.error({ event: 'listener_failed', code: error.code ?? error.name }, 'listener failed');
  });
  const built = {
    app,
    work,
    auth,
    delivery,
    outcomes,
    markStopping: () => {
      stopping = true;
    },
  };
  return receiver ? { ...built, receiver } : built;
}
