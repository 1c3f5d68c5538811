import { describe, expect, test } from 'vitest';
import { Prng } from '../../src/eval/prng.js';
import { complete, counterWitnesses, meets, type Witness, witnesses } from '../../src/eval/witness.js';
import { loadCorpus } from '../../src/policy/corpus.js';
import type { Condition } from '../../src/policy/schema.js';

const corpus = loadCorpus();
const table = corpus.facts;
const facts = (ws: Witness[]) => ws.map((w) => w.facts);

describe('witnesses: fact assignments that meet a condition, walking its tree', () => {
  test.each<[string, Condition, Witness['facts'][]]>([
    ['fact-is', { fact: 'boost', is: true }, [{ boost: true }]],
    [
      'fact-in takes narrower values by isA (pelvic → rectal, anal …)',
      { fact: 'diagnosis', in: ['pelvic'] },
      [
        { diagnosis: 'pelvic' },
        { diagnosis: 'rectal' },
        { diagnosis: 'anal' },
        { diagnosis: 'gynecologic' },
        { diagnosis: 'bladder' },
      ],
    ],
    ['fact-has: one witness per code', { fact: 'codes', has: ['77370', '77470'] }, [{ codes: ['77370'] }, { codes: ['77470'] }]],
    [
      'any: one witness per branch',
      {
        any: [
          { fact: 'boost', is: true },
          { fact: 'apbi', is: true },
        ],
      },
      [{ boost: true }, { apbi: true }],
    ],
    [
      'all: the product, dropping contradictions',
      {
        all: [
          { fact: 'modality', in: ['imrt', 'sbrt'] },
          { fact: 'modality', in: ['sbrt'] },
        ],
      },
      [{ modality: 'sbrt' }],
    ],
    ['not: the counter-witnesses of its child', { not: { fact: 'breathHold', is: true } }, [{ breathHold: false }]],
  ])('%s', (_name, condition, expected) => {
    expect(facts(witnesses(condition, table))).toEqual(expected);
    for (const w of witnesses(condition, table)) expect(meets(corpus, condition, w.facts)).toBe(true);
  });

  test('unknown: the fact is left unstated, and a witness stating it is dropped', () => {
    const condition: Condition = {
      all: [
        { fact: 'modality', unknown: true },
        { fact: 'wholeBrain', is: true },
      ],
    };
    expect(witnesses(condition, table)).toEqual([{ facts: { wholeBrain: true }, absent: ['modality'] }]);
    const contradiction: Condition = {
      all: [
        { fact: 'modality', unknown: true },
        { fact: 'modality', in: ['imrt'] },
      ],
    };
    expect(witnesses(contradiction, table)).toEqual([]);
  });

  test('counter-witnesses never pick a value broader than the one asked for (it would leave the leaf open)', () => {
    const values = facts(counterWitnesses({ fact: 'position', in: ['prone_belly_board'] }, table));
    expect(values).toEqual([{ position: 'supine' }]);
  });
});

describe('complete: facts added until the rule itself decides', () => {
  const rule = (id: string) => {
    const found = corpus.policies.get('horizon')?.rules.questions.necessity?.find((r) => r.id === id);
    if (!found) throw new Error(`no rule ${id}`);
    return found;
  };

  test('horizon.II.criteria-not-met: a diagnosis no II.B–II.P rule lists is added', () => {
    const site = { corpus, policyId: 'horizon', question: 'necessity' as const, rule: rule('horizon.II.criteria-not-met') };
    const done = complete(site, { facts: { modality: '3dcrt' }, absent: [] }, new Prng(1), () => true);
    expect(done?.facts.modality).toBe('3dcrt');
    expect(['hepatobiliary', 'head_and_neck', 'lung', 'prostate', undefined]).not.toContain(done?.facts.diagnosis);
  });

  test('a rule an earlier rule always pre-empts cannot be completed', () => {
    // horizon.III.sbrt is met by modality sbrt, but the pediatric scope rule comes first.
    const site = { corpus, policyId: 'horizon', question: 'necessity' as const, rule: rule('horizon.III.sbrt') };
    expect(complete(site, { facts: { modality: 'sbrt', age: 'pediatric' }, absent: [] }, new Prng(1), () => true)).toBe(
      undefined,
    );
  });
});
