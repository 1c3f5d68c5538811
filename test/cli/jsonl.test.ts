import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { runJsonl } from '../../src/cli/jsonl.js';

async function run(lines: string[]): Promise<Record<string, unknown>[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c) => chunks.push(String(c)));
  input.end(`${lines.join('\n')}\n`);
  await runJsonl(input, output, '2026-11-22');
  return chunks
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('ask --jsonl', () => {
  test('answers in order, echoes ids, keeps threads apart, survives malformed lines', async () => {
    const out = await run([
      JSON.stringify({ id: 'a', q: 'Horizon 3DCRT prostate', thread: 't1' }),
      'not json',
      JSON.stringify({ id: 'b', q: 'what about CVS?', thread: 't1' }),
      JSON.stringify({ id: 'c', q: 'what about CVS?', thread: 't2' }),
      JSON.stringify({ id: 'd' }),
    ]);
    expect(out.map((a) => a.id)).toEqual(['a', undefined, 'b', 'c', 'd']);
    expect(out[1]?.error).toBeTruthy();
    expect(out[4]?.error).toBeTruthy();
    expect(JSON.stringify(out[2])).toContain('treatmentIntent');
    expect(JSON.stringify(out[3])).toContain('"missing":["modality"');
  });

  test('10,000 lines without a crash', async () => {
    const questions = ['Horizon IMRT', 'CVS 3DCRT lung', 'what replaced 76950', 'help', 'x', '<!here>'];
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({ id: String(i), q: questions[i % questions.length], thread: `t${i % 50}` }),
    );
    const out = await run(lines);
    expect(out).toHaveLength(10_000);
    expect(out.at(-1)?.id).toBe('9999');
  }, 120_000);
});
