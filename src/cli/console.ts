import { createInterface } from 'node:readline/promises';
import { type AskContext, answer } from '../answer/answer.js';
import { policyNames } from '../answer/canned.js';
import { defaultPipeline } from '../answer/pipeline.js';
import { MemoryContextStore } from '../context/memory-store.js';

/**
 * The local, token-free way to use the bot: an interactive console where every line is a
 * turn of one thread, so follow-ups ("what about <another payer>?", "curative") keep their context.
 */
export async function runConsole(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  context: Pick<AskContext, 'pipeline' | 'today'> = {},
): Promise<void> {
  const pipeline = context.pipeline ?? defaultPipeline();
  const store = new MemoryContextStore();
  let thread = 1;
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  output.write(
    `IGRT policy assistant — ask about the IGRT policy of ${policyNames(pipeline.corpus)}.\nType "help" for examples, "new" to start a new thread, "quit" to leave.\n`,
  );
  rl.setPrompt('igrt> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(quit|exit|bye|q)$/i.test(text)) break;
    if (/^(new|reset|clear)$/i.test(text)) {
      thread += 1;
      output.write('(new thread)\n');
    } else if (text) {
      const result = await answer(text, { ...context, pipeline, store, threadId: `console-${thread}` });
      output.write(`\n${result.text}\n`);
      if (result.followUp?.options.length) {
        output.write(`Reply with one of: ${result.followUp.options.map((o) => o.reply).join(' | ')}\n`);
      }
      output.write('\n');
    }
    rl.prompt();
  }
  rl.close();
}
