import { answer } from '../answer/answer.js';
import { DataError } from '../data/load-yaml.js';
import { runConsole } from './console.js';
import { runJsonl } from './jsonl.js';

const USAGE = `usage:
  npm run --silent ask -- "question"            plain-text answer
  npm run --silent ask -- --json "question"     one Answer as JSON
  npm run --silent ask -- --jsonl < file.jsonl  one Answer line per {"id","q","thread"} line
  npm run --silent ask                          interactive console (in a terminal)`;

async function main(args: string[]): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.includes('--jsonl')) {
    await runJsonl(process.stdin, process.stdout, today);
    return 0;
  }
  const json = args.includes('--json');
  const question = args.filter((a) => a !== '--json').join(' ');
  if (!question) {
    if (process.stdin.isTTY) {
      await runConsole();
      return 0;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const result = await answer(question, { today });
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${result.text}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Data errors are configuration problems worth showing in full; anything else is a bug.
    process.stderr.write(
      error instanceof DataError
        ? `${error.message}\n`
        : `ask failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
