import 'dotenv/config';
import { answer } from './answer/answer.js';
import { defaultPipeline } from './answer/pipeline.js';
import { runConsole } from './cli/console.js';
import { ConfigError, readConfig } from './config.js';
import { createContextStore } from './context/create-store.js';
import { DataError } from './data/load-yaml.js';
import { createLogger } from './log/logger.js';
import { createSlackApp } from './slack/app.js';
import { RateLimiter } from './slack/rate-limit.js';

/** `npm start`: Slack over HTTP or Socket Mode when tokens are configured, else the local console. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (config.mode === 'console') {
    await runConsole();
    return;
  }
  const pipeline = defaultPipeline();
  const log = createLogger({ level: config.logLevel, logQuestionText: config.logQuestionText });
  const stores = createContextStore(process.env, {
    onError: (error) => log.warn({ event: 'redis_error', error: String(error) }, 'redis error'),
  });
  const { app } = createSlackApp(config, {
    answer,
    pipeline,
    store: stores.store,
    dedupe: stores.dedupe,
    log,
    logQuestionText: config.logQuestionText,
    limiter: new RateLimiter(),
  });
  await (config.mode === 'http' ? app.start(config.port) : app.start());
  app.logger.info(
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
    // Bolt's stop lets in-flight requests finish before the server closes.
    await app.stop();
    await stores.close();
    log.info({ event: 'stopped' }, 'stopped');
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
