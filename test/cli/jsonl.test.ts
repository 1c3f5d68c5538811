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

  test('a thread turn naming a new diagnosis starts a new case; the payer carries and is said', async () => {
    const [, rectal] = await run([
      JSON.stringify({ id: 'lung', q: 'CVS 3dcrt lung palliative, near prior RT field', thread: 'p' }),
      JSON.stringify({ id: 'rectal', q: 'IGRT with 3DCRT for rectal cancer?', thread: 'p' }),
    ]);
    expect(rectal?.facts).not.toHaveProperty('treatmentIntent');
    expect(rectal?.facts).not.toHaveProperty('priorIrradiation');
    expect(rectal?.carried).toEqual(['CVS Health']);
    expect(rectal?.text).toContain('From earlier: CVS Health');
  });

  test('a date of service carries across a thread’s turns until a turn changes it', async () => {
    const out = await run([
      JSON.stringify({ id: '1', q: 'horizon, freestanding office, dos 4/15/2025, bill 77387 with 3dcrt prostate?', thread: 'd' }),
      JSON.stringify({ id: '2', q: 'what about in the hospital?', thread: 'd' }),
      JSON.stringify({ id: '3', q: 'next pt: 3dcrt lung, can I bill 77387?', thread: 'd' }),
      JSON.stringify({ id: '4', q: 'and on 2026-02-01?', thread: 'd' }),
    ]);
    expect(out.map((a) => (a.dateOfService as { date?: string } | undefined)?.date)).toEqual([
      '2025-04-15',
      '2025-04-15',
      '2025-04-15',
      '2026-02-01',
    ]);
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
