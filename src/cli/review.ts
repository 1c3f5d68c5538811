import 'dotenv/config';
import { readConfig } from '../config.js';
import { createContextStore } from '../context/create-store.js';
import { reviewLines } from './review-lines.js';

/** `npm run review`: see reviewLines. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const redisUrl = config.mode === 'console' ? process.env.REDIS_URL?.trim() : config.redisUrl;
  const stores = createContextStore(redisUrl ? { REDIS_URL: redisUrl } : {}, {
    feedbackFile: config.feedback.file,
    feedbackRetentionMs: config.feedback.retentionMs,
  });
  try {
    for (const line of reviewLines(await stores.feedback.list(), process.argv.includes('--all')))
      process.stdout.write(`${line}\n`);
  } finally {
    await stores.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`review failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
