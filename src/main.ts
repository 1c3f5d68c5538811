import 'dotenv/config';
import { answer } from './answer/answer.js';
import { defaultPipeline } from './answer/pipeline.js';
import { runConsole } from './cli/console.js';
import { ConfigError, readConfig } from './config.js';
import { MemoryContextStore } from './context/memory-store.js';
import { DataError } from './data/load-yaml.js';
import { createSlackApp } from './slack/app.js';
import { MemoryDeduper } from './slack/dedupe.js';

/** `npm start`: Slack over HTTP or Socket Mode when tokens are configured, else the local console. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (config.mode === 'console') {
    await runConsole();
    return;
  }
  const pipeline = defaultPipeline();
  const { app } = createSlackApp(config, {
    answer,
    pipeline,
    store: new MemoryContextStore(),
    dedupe: new MemoryDeduper(),
  });
  await (config.mode === 'http' ? app.start(config.port) : app.start());
  app.logger.info(
    config.mode === 'http' ? `IGRT assistant listening on port ${config.port} (HTTP)` : 'IGRT assistant connected (Socket Mode)',
  );
  const stop = async () => {
    // Bolt's stop lets in-flight requests finish before the server closes.
    await app.stop();
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
