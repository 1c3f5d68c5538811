import { spawnSync } from 'node:child_process';
import { projectPath } from '../src/data/paths.js';
import { CORES, pinned } from './pin.js';
import { loadQuestions } from './questions.js';

// `npm run bench` (after the build): the in-process figures on one pinned core, then the HTTP
// load test, which pins its own processes. Either part failing fails the bench.
loadQuestions();
const parts: [string, string[]][] = [
  pinned(CORES.server, process.execPath, ['--expose-gc', '--import', 'tsx', projectPath('bench', 'answer.ts')]),
  [process.execPath, ['--import', 'tsx', projectPath('bench', 'http-load.ts')]],
];
for (const [command, args] of parts) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    process.stderr.write(`bench failed: ${[command, ...args].join(' ')} exited ${status}\n`);
    process.exit(1);
  }
}
