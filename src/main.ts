import 'dotenv/config';
import { answer } from './answer/answer.js';
import { defaultPipeline } from './answer/pipeline.js';
import { runConsole } from './cli/console.js';
import { ConfigError, readConfig } from './config.js';
import { createContextStore } from './context/create-store.js';
import { DataError } from './data/load-yaml.js';
import { createLogger } from './log/logger.js';
import { createSlackApp } from './slack/app.js';
import { type HttpFront, startHttpFront } from './slack/http-front.js';
import { RateLimiter } from './slack/rate-limit.js';

// How long a stopping process keeps answering what it acknowledged (Kubernetes kills at 30 s by default).
const DRAIN_MS = 20_000;
// How long open connections may finish their request once stopping begins.
const STOP_CONNECTIONS_MS = 3_000;

/** `npm start`: Slack over HTTP or Socket Mode when tokens are configured, else the local console. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (config.mode === 'console') {
    await runConsole();
    return;
  }
  const pipeline = defaultPipeline();
  const log = createLogger({ level: config.logLevel, logQuestionText: config.logQuestionText });
  // The environment was validated once, above; the store is built from that result.
  const stores = createContextStore(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}, {
    feedbackFile: config.feedback.file,
    feedbackRetentionMs: config.feedback.retentionMs,
    onError: (error) => log.debug({ event: 'redis_error', error: String(error) }, 'redis error'),
    // One line when the shared store goes away (answers continue without shared context) and one when it is back.
    onHealth: (health) =>
      health.ok
        ? log.info({ event: 'redis_resumed' }, 'redis reachable again: shared thread context resumed')
        : log.error({ event: 'redis_degraded', reason: health.reason }, 'redis unreachable: answering from memory'),
  });
  const { app, work, receiver, auth, delivery, markStopping } = createSlackApp(config, {
    answer,
    pipeline,
    store: stores.store,
    dedupe: stores.dedupe,
    feedback: stores.feedback,
    log,
    logQuestionText: config.logQuestionText,
    limiter: new RateLimiter(),
    ...(stores.backend === 'redis' ? { storeHealth: stores.health } : {}),
  });
  // The token is checked in the background, retried with backoff until Slack accepts it;
  // meanwhile /readyz says why the app is not ready.
  void auth.start();
  let front: HttpFront | undefined;
  if (config.mode === 'http' && receiver) {
    front = await startHttpFront(receiver.requestListener, config.port, config.http, (error) =>
      log.warn({ event: 'http_dispatch_failed', error: error instanceof Error ? error.message : String(error) }, 'bad request'),
    );
  } else {
    await app.start();
  }
  log.info(
    { event: 'started', mode: config.mode, ...(config.mode === 'http' ? { port: config.port } : {}), store: stores.backend },
    config.mode === 'http' ? `IGRT assistant listening on port ${config.port} (HTTP)` : 'IGRT assistant connected (Socket Mode)',
  );
  // A Web API call that fails after its retries (Slack down at start-up, say) is logged;
  // it must not take the process down with it.
  process.on('unhandledRejection', (error) => {
    log.error(
      { event: 'unhandled_rejection', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
      'unhandled rejection',
    );
  });
  const stop = async () => {
    // Stop taking requests, then answer what was already acknowledged (bounded, so a stuck
    // Web API cannot hold the process past its orchestrator's kill timeout), then close.
    markStopping();
    auth.stop();
    // Idle and half-open connections are closed within the deadline, in-flight requests finish.
    await (front ? front.stop(STOP_CONNECTIONS_MS) : app.stop());
    const drained = await Promise.race([
      work
        .drain()
        .then(() => delivery.drain())
        .then(() => true),
      new Promise<boolean>((resolve) => setTimeout(resolve, DRAIN_MS, false).unref()),
    ]);
    await stores.close();
    log.info({ event: 'stopped', drained, left: work.size + work.running }, 'stopped');
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof DataError;
  process.stderr.write(
    expected ? `${error.message}\n` : `failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
