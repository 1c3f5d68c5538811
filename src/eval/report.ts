import type { GeneratedRun } from './run.js';
import { describeFailure, formatSummary, summarise } from './score.js';

/** The generated suite's report: figures per rule and frame, what could not be said, each confidently wrong case. */
export function generatedReport(run: GeneratedRun): { lines: string[]; wrong: number } {
  const summary = summarise(run.results);
  const wrong = run.results.filter((r) => r.payers.some((p) => p.outcome === 'wrong'));
  const figures = formatSummary(summary);
  const lines = [
    ...figures.slice(0, -1),
    '',
    `rules the generator could not exercise: ${run.suite.gaps.length === 0 ? 'none' : ''}`,
    ...run.suite.gaps.map((g) => `  ${g.ruleId}: ${g.reason}`),
    `phrasings left out because no phrase of a value fit the rest of the case: ${run.suite.dropped}`,
    `lexicon phrases no case could carry (${run.suite.unusedPhrases.length}): ${run.suite.unusedPhrases.join(', ')}`,
    `phrases the lexicon marks asserts: doubt, never said as stating their value (${run.book.doubtful.length}): ${run.book.doubtful.join(', ')}`,
    `assertion cues no fact reads naturally with (${run.book.unusedCues.length}): ${run.book.unusedCues.join(', ')}`,
    '',
    `confidently wrong cases (${wrong.length}):`,
    ...wrong.map((r) => `  ${describeFailure(r)}`),
    '',
    // Last, so CI logs and scripts find it in one place.
    figures.at(-1) ?? '',
  ];
  return { lines, wrong: summary.total.wrong };
}
