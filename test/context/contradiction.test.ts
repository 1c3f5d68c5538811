import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { MemoryContextStore } from '../../src/context/memory-store.js';
import { mergeTurn } from '../../src/context/merge.js';
import type { ThreadState } from '../../src/context/store.js';
import { parseQuestion } from '../../src/nlu/parse.js';
import type { Facts } from '../../src/policy/facts.js';

// Generated from policy-corpus/facts.yaml `implies`: every value that settles another fact,
// against every other value of that fact stated in a later turn.
const pipeline = defaultPipeline();
const { corpus } = pipeline;
const blank = parseQuestion(pipeline, 'igrt?', '2025-03-04');
const turn = (facts: Facts, previous: ThreadState) =>
  mergeTurn({ ...blank, intent: undefined, inDomain: true, facts }, previous, corpus);

const implications = Object.entries(corpus.facts).flatMap(([fact, def]) =>
  def.kind !== 'enum'
    ? []
    : Object.entries(def.values).flatMap(([value, info]) =>
        Object.entries(info.implies ?? {}).map(([other, wanted]) => ({ fact, value, other, wanted })),
      ),
);
const rows = implications.flatMap(({ fact, value, other, wanted }) => {
  const def = corpus.facts[other];
  const others = def?.kind === 'enum' ? Object.keys(def.values).filter((v) => v !== wanted) : [!wanted];
  // A value of the same fact that implies nothing: what the thread held before this one.
  const host = corpus.facts[fact];
  const plain = host?.kind === 'enum' ? Object.entries(host.values).find(([, info]) => !info.implies)?.[0] : undefined;
  return others.map(
    (stated) => [`${fact}=${value}`, `${other}=${String(stated)}`, { fact, value, other, wanted, stated, plain }] as const,
  );
});

describe('a stated fact drops a carried one it contradicts (facts.yaml implies)', () => {
  test('the table is not empty', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  test.each(rows)('carried %s, then %s stated: the carried value goes', (_carried, _stated, row) => {
    const previous: ThreadState = { intent: 'coverage', facts: { [row.fact]: row.value, [row.other]: row.wanted }, payers: [] };
    const merged = turn({ [row.other]: row.stated }, previous);
    expect(merged.facts[row.fact]).toBeUndefined();
    expect(merged.facts[row.other]).toBe(row.stated);
  });

  test.each(rows)('carried %s, then %s stated: the value it had replaced comes back', (_carried, _stated, row) => {
    if (row.plain === undefined) return;
    const previous: ThreadState = {
      intent: 'coverage',
      facts: { [row.fact]: row.value, [row.other]: row.wanted },
      payers: [],
      earlier: { [row.fact]: row.plain },
    };
    const merged = turn({ [row.other]: row.stated }, previous);
    expect(merged.facts[row.fact]).toBe(row.plain);
    expect(merged.restored).toEqual({ [row.fact]: row.plain });
  });

  test.each(rows)('carried %s, the implied value stated again: it stays', (_carried, _stated, row) => {
    const previous: ThreadState = { intent: 'coverage', facts: { [row.fact]: row.value }, payers: [] };
    expect(turn({ [row.other]: row.wanted }, previous).facts[row.fact]).toBe(row.value);
  });
});

describe('horizon.II.K.breast-boost-photons: a boost changed from electrons to photons', () => {
  test('is answered as a photon boost on the case’s 3DCRT, never with the electrons’ rule', async () => {
    const store = new MemoryContextStore();
    const ask = (q: string) => answer(q, { store, threadId: 'b', today: '2025-03-04' });
    await ask('Horizon 61F left breast 3D tangents with DIBH, igrt?');
    const electrons = await ask('boost will be en face electrons — igrt for the boost?');
    expect(electrons.findings[0]?.ruleId).toBe('horizon.V.superficial-electron');
    const photons = await ask('MD changed the boost to photons');
    expect(photons.findings[0]).toMatchObject({
      determination: 'medically_necessary',
      ruleId: 'horizon.II.K.breast-boost-photons',
    });
    expect(photons.facts).toMatchObject({ modality: '3dcrt', beam: 'photons', boost: true });
    expect(photons.carried).toContain('3D conformal radiation therapy (3DCRT)');
  });

  test('with no modality to go back to, the modality is asked for', async () => {
    const store = new MemoryContextStore();
    const ask = (q: string) => answer(q, { store, threadId: 'c', today: '2025-03-04' });
    await ask('Horizon left breast boost with electrons, igrt?');
    const photons = await ask('actually photons');
    expect(photons.findings[0]).toMatchObject({ determination: 'needs_info', missing: ['modality'] });
  });
});

describe('resetBy: supplying a diagnosis the case lacked is not a change', () => {
  test('DIBH on a 3D plan, then left breast: the DIBH carries (horizon.II.M.left-breast-dibh)', async () => {
    const store = new MemoryContextStore();
    const ask = (q: string) => answer(q, { store, threadId: 'd', today: '2025-03-04' });
    await ask('Horizon: IGRT for DIBH on a 3D plan — covered?');
    const breast = await ask('left breast ca, adjuvant after lumpectomy');
    expect(breast.findings[0]).toMatchObject({ determination: 'medically_necessary', ruleId: 'horizon.II.M.left-breast-dibh' });
  });
});
