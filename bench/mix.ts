import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pipeline } from '../src/answer/pipeline.js';
import { DEFAULT_SEED, generateSuite } from '../src/eval/generate.js';
import { loadPhraseBook } from '../src/eval/phrases.js';
import { type BenchQuestion, loadQuestions } from './questions.js';

/**
 * The bench's question mix: the hand-written file (case, billing, code, compare, policy, free
 * text, long) and every question of the generated suite (every rule of every policy said with
 * every lexicon phrase and negation cue in several frames), so no figure rests on one template.
 */
export function questionMix(pipeline: Pipeline): { file: string; questions: BenchQuestion[] } {
  const { file, questions } = loadQuestions();
  const suite = generateSuite(pipeline.corpus, loadPhraseBook(pipeline.corpus), { seed: DEFAULT_SEED });
  const generated = suite.cases.map((c): BenchQuestion => ({ id: c.id, kind: `generated`, q: c.text }));
  return { file: `${file} + ${generated.length} generated`, questions: [...questions, ...generated] };
}

/** The mix written as JSON lines for the load generator's process, shuffled so kinds interleave. */
export function writeMix(pipeline: Pipeline): { file: string; label: string; count: number } {
  const { file: label, questions } = questionMix(pipeline);
  // A fixed shuffle (LCG), so every run sends the same sequence.
  const order = questions.map((_, i) => i);
  let seed = 17;
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const file = join(tmpdir(), `igrt-bench-mix-${process.pid}.jsonl`);
  writeFileSync(file, `${order.map((i) => JSON.stringify(questions[i])).join('\n')}\n`);
  return { file, label, count: questions.length };
}
