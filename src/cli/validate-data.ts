import { loadPipeline } from '../answer/pipeline.js';
import { DataError } from '../data/load-yaml.js';

// Loads every data file the way the bot does, so a bad file fails here with file, path and reason.
try {
  const pipeline = loadPipeline();
  const rules = [...pipeline.corpus.policies.values()].reduce(
    (n, p) => n + Object.values(p.rules.questions).reduce((m, list) => m + (list?.length ?? 0), 0),
    0,
  );
  process.stdout.write(
    `data ok: ${pipeline.corpus.policies.size} policies, ${pipeline.passages.length} passages, ${rules} rules, ${Object.keys(pipeline.corpus.facts).length} facts, ${pipeline.lexicon.words.size} lexicon words\n`,
  );
} catch (error) {
  process.stderr.write(error instanceof DataError ? `invalid data: ${error.message}\n` : `${String(error)}\n`);
  process.exitCode = 1;
}
