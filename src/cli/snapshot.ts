import { loadPipeline } from '../answer/pipeline.js';
import { DataError } from '../data/load-yaml.js';
import { recordValidatedValues, writeSnapshot } from '../data/snapshot.js';

// Part of `npm run build`: the data is loaded and validated first, so only data the bot accepts is snapshotted.
try {
  recordValidatedValues();
  loadPipeline();
  const files = writeSnapshot();
  process.stdout.write(`data snapshot: ${files} files\n`);
} catch (error) {
  process.stderr.write(error instanceof DataError ? `invalid data: ${error.message}\n` : `${String(error)}\n`);
  process.exitCode = 1;
}
