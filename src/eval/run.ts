import { answer } from '../answer/answer.js';
import type { Pipeline } from '../answer/pipeline.js';
import { DEFAULT_SEED, generateSuite, type Suite } from './generate.js';
import { loadPhraseBook, type PhraseBook } from './phrases.js';
import { type CaseResult, scoreCase } from './score.js';

/** A fixed date of service: the truth does not move with the calendar (code-set changes). */
export const SUITE_DATE = '2025-06-02';

/** The generated suite over a pipeline's data, each case answered by the real answer() and scored. */
export interface GeneratedRun {
  readonly book: PhraseBook;
  readonly suite: Suite;
  readonly results: readonly CaseResult[];
}

export async function runGenerated(pipeline: Pipeline, seed = DEFAULT_SEED): Promise<GeneratedRun> {
  const book = loadPhraseBook(pipeline.corpus);
  const suite = generateSuite(pipeline.corpus, book, { seed });
  const results: CaseResult[] = [];
  for (const c of suite.cases) results.push(scoreCase(c, await answer(c.text, { pipeline, today: SUITE_DATE })));
  return { book, suite, results };
}
