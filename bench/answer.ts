import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { answer } from '../src/answer/answer.js';
import { defaultPipeline } from '../src/answer/pipeline.js';
import { projectPath } from '../src/data/paths.js';
import { percentile, target } from './stats.js';

// answer() latency and throughput on one core over the dev-set questions, the cold start of
// `npm run ask`, and peak memory. Figures are printed against targets, never asserted.
const devSet = projectPath('..', 'shared', 'eval', 'dev.jsonl');
const questions = existsSync(devSet)
  ? readFileSync(devSet, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q)
  : ['Horizon 3DCRT prostate', 'CVS IMRT', 'what replaced 76950', 'Is IGRT covered with 3DCRT?', 'help'];

const pipeline = defaultPipeline();
for (const q of questions) await answer(q, { pipeline });

const latencies: number[] = [];
const started = performance.now();
let i = 0;
while (performance.now() - started < 4000) {
  const q = questions[i++ % questions.length] as string;
  const t = performance.now();
  await answer(q, { pipeline });
  latencies.push(performance.now() - t);
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
const throughput = latencies.length / seconds;

const cold: number[] = [];
for (let run = 0; run < 5; run++) {
  const t = performance.now();
  spawnSync('npm', ['run', '--silent', 'ask', '--', 'Horizon IMRT'], { cwd: projectPath(), encoding: 'utf8' });
  cold.push(performance.now() - t);
}
cold.sort((a, b) => a - b);
const rssMb = process.resourceUsage().maxRSS / 1024;

console.log(`answer(): ${latencies.length} answers over ${questions.length} distinct questions in ${seconds.toFixed(1)} s`);
console.log(`  p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, throughput ${throughput.toFixed(0)} answers/s (one core)`);
console.log(
  `cold start of npm run ask to first answer: median ${percentile(cold, 50).toFixed(0)} ms (min ${cold[0]?.toFixed(0)}, max ${cold.at(-1)?.toFixed(0)})`,
);
console.log(`peak memory (max RSS of this process): ${rssMb.toFixed(0)} MB`);
console.log(target('answer() p99', `${p99.toFixed(3)} ms`, '< 1 ms', p99 < 1));
console.log(target('throughput', `${throughput.toFixed(0)}/s`, '≥ 5,000/s', throughput >= 5000));
