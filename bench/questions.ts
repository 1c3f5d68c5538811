import { existsSync, readFileSync } from 'node:fs';
import { projectPath } from '../src/data/paths.js';

/** One bench question and what kind of work it is (free_text and long ones reach the search path). */
export interface BenchQuestion {
  readonly id: string;
  readonly kind: string;
  readonly q: string;
}

/** The bench's question file: BENCH_QUESTIONS, else bench/questions.jsonl. A missing or empty file stops the bench. */
export function loadQuestions(): { file: string; questions: BenchQuestion[] } {
  const file = process.env.BENCH_QUESTIONS ?? projectPath('bench', 'questions.jsonl');
  if (!existsSync(file)) throw new Error(`bench question file not found: ${file}`);
  const questions = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as BenchQuestion);
  if (questions.length === 0) throw new Error(`bench question file has no questions: ${file}`);
  return { file, questions };
}
