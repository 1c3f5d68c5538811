import { readFileSync } from 'node:fs';
import { answer } from '../answer/answer.js';
import { defaultPipeline } from '../answer/pipeline.js';
import { MemoryContextStore } from '../context/memory-store.js';
import type { Answer, Intent } from '../contract/answer.js';
import { DEFAULT_SEED } from '../eval/generate.js';
import { isDefinite } from '../eval/oracle.js';
import { generatedReport } from '../eval/report.js';
import { runGenerated } from '../eval/run.js';

interface Gold {
  id: string;
  q: string;
  thread?: string;
  intent?: string | string[];
  expect?: Record<string, string | string[]>;
  cite?: Record<string, string>;
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

/**
 * The suite generated from the rules and the lexicon: figures per rule and frame, and a
 * non-zero exit when any answer is confidently wrong (definite and not the evaluator's).
 */
async function generated(seed: number): Promise<number> {
  const started = performance.now();
  const { lines, wrong } = generatedReport(await runGenerated(defaultPipeline(), seed));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`generated suite, seed ${seed}, ${seconds} s\n${lines.join('\n')}\n`);
  return wrong > 0 ? 1 : 0;
}

/** Per-intent precision/recall/F1, a confusion matrix, determination and citation accuracy for a gold file. */
async function main(args: readonly string[]): Promise<number> {
  if (args[0] === '--generated') {
    const seed = args[1] === '--seed' ? Number(args[2]) : DEFAULT_SEED;
    return Number.isInteger(seed) ? generated(seed) : usage();
  }
  const [file] = args;
  if (!file) return usage();
  const gold = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);
  const store = new MemoryContextStore();
  const answers: Answer[] = [];
  for (const g of gold) answers.push(await answer(g.q, { store, ...(g.thread ? { threadId: g.thread } : {}) }));

  const confusion = new Map<string, Map<string, number>>();
  const determinations = { ok: 0, n: 0, wrong: 0 };
  const citations = { ok: 0, n: 0 };
  gold.forEach((g, i) => {
    const a = answers[i] as Answer;
    const want = list(g.intent);
    if (want.length > 0) {
      const truth = want.includes(a.intent) ? a.intent : (want[0] as string);
      const row = confusion.get(truth) ?? new Map<string, number>();
      row.set(a.intent, (row.get(a.intent) ?? 0) + 1);
      confusion.set(truth, row);
    }
    for (const [payer, expected] of Object.entries(g.expect ?? {})) {
      const f = a.findings.find((x) => x.payer === payer);
      determinations.n += 1;
      if (f && list(expected).includes(f.determination)) determinations.ok += 1;
      // Definite and not among the gold answers: the answer would mislead, not merely ask.
      else if (isDefinite(f?.determination)) determinations.wrong += 1;
    }
    for (const [payer, phrase] of Object.entries(g.cite ?? {})) {
      const f = a.findings.find((x) => x.payer === payer);
      const ok = f?.citation.excerpt.toLowerCase().replace(/\s+/g, ' ').includes(phrase.toLowerCase());
      citations.n += 1;
      if (ok) citations.ok += 1;
    }
  });

  const intents = [
    ...new Set([...confusion.keys(), ...[...confusion.values()].flatMap((r) => [...r.keys()])]),
  ].sort() as Intent[];
  const out: string[] = ['intent          precision  recall  F1     n'];
  for (const intent of intents) {
    const tp = confusion.get(intent)?.get(intent) ?? 0;
    const predicted = [...confusion.values()].reduce((n, r) => n + (r.get(intent) ?? 0), 0);
    const actual = [...(confusion.get(intent)?.values() ?? [])].reduce((n, v) => n + v, 0);
    const p = predicted ? tp / predicted : 0;
    const r = actual ? tp / actual : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    out.push(`${intent.padEnd(15)} ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f1.toFixed(3)}  ${actual}`);
  }
  out.push('', `confusion (rows gold, columns predicted): ${intents.join(' | ')}`);
  for (const truth of intents)
    out.push(`${truth.padEnd(15)} ${intents.map((p) => String(confusion.get(truth)?.get(p) ?? 0).padStart(4)).join(' ')}`);
  out.push('', `determination accuracy: ${pct(determinations.ok, determinations.n)} (${determinations.ok}/${determinations.n})`);
  out.push(`citation accuracy: ${pct(citations.ok, citations.n)} (${citations.ok}/${citations.n})`);
  out.push(`confidently wrong: ${determinations.wrong}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function usage(): number {
  process.stderr.write('usage: npm run eval -- GOLD.jsonl | npm run eval -- --generated [--seed N]\n');
  return 2;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
