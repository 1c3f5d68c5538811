import { answer } from '../src/answer/answer.js';
import { defaultPipeline } from '../src/answer/pipeline.js';
import { renderBlocks } from '../src/render/blocks.js';

// Prints the Block Kit the Slack app sends for three kinds of answer: paste a payload into
// Slack's Block Kit Builder to see it as a user would.
const pipeline = defaultPipeline();
const examples = [
  'Horizon: 3DCRT for rectal cancer, prone on a belly board',
  'CVS 3DCRT lung cancer',
  'compare CVS and Horizon on IGRT with proton therapy',
];
for (const question of examples) {
  const { blocks, text } = renderBlocks(pipeline.corpus, await answer(question, { pipeline, today: '2026-11-22' }), {
    buttonValue: (reply) => JSON.stringify({ r: reply, t: 'thread:C1:1700000000.000100' }),
  });
  process.stdout.write(`// ${question}\n${JSON.stringify({ text, blocks }, null, 1)}\n\n`);
}
