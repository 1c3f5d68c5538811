import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { answer } from '../src/answer/answer.js';
import { defaultPipeline } from '../src/answer/pipeline.js';
import { projectPath } from '../src/data/paths.js';
import { percentile, target } from './stats.js';

// answer() latency and throughput over the dev-set questions, the cold start of `npm run ask`,
// and peak memory. Figures are printed against targets, never asserted (machines differ).
// To find hot spots: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/answer.ts
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const devSet = projectPath('..', 'shared', 'eval', 'dev.jsonl');
const builtIn = [
  'Horizon 3DCRT prostate',
  'igrt w 3dcrt prostrate horizon',
  'CVS: palliative 3DCRT, PTV near a previously irradiated area',
  'Horizon SBRT lung - can I bill 77387 on top of 77373?',
  'what replaced 76950',
  'check 77385 77387-TC G6002 hospital horizon 2025-03-04',
  'compare CVS and Horizon on proton therapy',
  'what does the policy say about port films',
  'Is IGRT covered with 3DCRT?',
  'help',
];
const questions = existsSync(devSet)
  ? readFileSync(devSet, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { q: string }).q)
  : builtIn;

const pipeline = defaultPipeline();
// Warm-up: the first answers compile regexes and fill caches, which a running bot has done long ago.
for (let round = 0; round < 3; round++) for (const q of questions) await answer(q, { pipeline, today: '2025-06-01' });

// One question at a time on the main thread, so this is one core's throughput.
const latencies: number[] = [];
const started = performance.now();
for (let i = 0; performance.now() - started < SECONDS * 1000; i++) {
  const q = questions[i % questions.length] as string;
  const t = performance.now();
  await answer(q, { pipeline, today: '2025-06-01' });
  latencies.push(performance.now() - t);
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
const throughput = latencies.length / seconds;
const memory = process.memoryUsage();

// Cold start: a fresh `npm run ask` (npm, tsx, data load and validation) to its printed answer.
const cold: number[] = [];
let coldFailures = 0;
for (let run = 0; run < 5; run++) {
  const t = performance.now();
  const result = spawnSync('npm', ['run', '--silent', 'ask', '--', 'Horizon IMRT'], { cwd: projectPath(), encoding: 'utf8' });
  cold.push(performance.now() - t);
  if (result.status !== 0 || !result.stdout.trim()) coldFailures++;
}
cold.sort((a, b) => a - b);
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

const source = existsSync(devSet) ? `the dev set (${devSet})` : 'the built-in list (no dev set found)';
console.log(`== answer() over ${questions.length} questions from ${source}, ${seconds.toFixed(1)} s on one core`);
console.log(
  `  ${latencies.length} answers: p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
);
console.log(`  throughput ${throughput.toFixed(0)} answers/s`);
console.log('== cold start: npm run --silent ask -- "Horizon IMRT" to first answer, 5 runs');
console.log(
  `  median ${percentile(cold, 50).toFixed(0)} ms (min ${cold[0]?.toFixed(0)}, max ${cold.at(-1)?.toFixed(0)})` +
    (coldFailures > 0 ? `; ${coldFailures} run(s) FAILED to answer` : ''),
);
console.log('== memory of this process');
console.log(`  peak RSS ${maxRssMb.toFixed(0)} MB; after the run: RSS ${mb(memory.rss)} MB, heap used ${mb(memory.heapUsed)} MB`);
console.log('== targets');
console.log(target('answer() p99', `${p99.toFixed(3)} ms`, '< 1 ms', p99 < 1));
console.log(target('answer() throughput', `${throughput.toFixed(0)}/s`, '≥ 5,000/s', throughput >= 5000));
