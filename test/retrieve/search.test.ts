import { describe, expect, test } from 'vitest';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { LruCache } from '../../src/retrieve/lru.js';
import { PassageIndex } from '../../src/retrieve/search.js';

const { passages } = defaultPipeline();
const sections = [...new Set(passages.map((p) => `${p.policyId}\u0000${p.section}`))].map((key) => {
  const [policyId = '', section = ''] = key.split('\u0000');
  return { policyId, section };
});
const busiest = sections.reduce((a, b) =>
  passages.filter((p) => p.section === b.section && p.policyId === b.policyId).length >
  passages.filter((p) => p.section === a.section && p.policyId === a.policyId).length
    ? b
    : a,
);

describe('one index per scope', () => {
  test('a section search returns only that section’s passages and builds only that section’s index', () => {
    const index = new PassageIndex(passages);
    const hits = index.search('imaging treatment localization daily', busiest, 10);
    expect(hits.length).toBeGreaterThan(0);
    for (const { passage } of hits) expect([passage.policyId, passage.section]).toEqual([busiest.policyId, busiest.section]);
    expect(index.builtScopes).toBe(1);
  });

  test.each([...new Set(passages.map((p) => p.policyId))])(
    'a search within %s never returns another policy’s passage',
    (policyId) => {
      const index = new PassageIndex(passages);
      for (const { passage } of index.search('port films cone beam respiratory tracking bundled', { policyId }, 10)) {
        expect(passage.policyId).toBe(policyId);
      }
    },
  );

  test('passagesIn lists a section’s passages in corpus order', () => {
    const index = new PassageIndex(passages);
    expect(index.passagesIn(busiest)).toEqual(
      passages.filter((p) => p.policyId === busiest.policyId && p.section === busiest.section),
    );
  });

  test('payer names are not topics: naming the payer changes nothing', () => {
    const index = new PassageIndex(passages);
    for (const payer of new Set(passages.map((p) => p.payer))) {
      expect(index.search(`${payer} port films`)).toEqual(index.search('port films'));
    }
  });
});

describe('bounded caches', () => {
  test('the term cache never holds more than its bound, and a forgotten term is searched again the same way', () => {
    const index = new PassageIndex(passages, { terms: 5, queries: 2 });
    const first = index.search('fiducial');
    for (const word of ['port', 'films', 'cone', 'beam', 'respiratory', 'tracking', 'bundled', 'prostate']) index.search(word);
    expect(index.cachedTerms).toBe(5);
    expect(index.search('fiducial')).toEqual(first);
  });

  test('a repeated question is the same ranking, whatever limit it asks for', () => {
    const index = new PassageIndex(passages);
    const three = index.search('what does the policy say about port films', {}, 3);
    expect(index.search('what does the policy say about port films', {}, 1)).toEqual(three.slice(0, 1));
  });

  test('LruCache forgets the least recently used entry first', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe('words a policy does not mention', () => {
  const index = new PassageIndex(passages);
  test.each([
    ['a topic the CVS policy lacks', 'does the policy require prior auth?', ['auth']],
    ['words the CVS policy uses', 'palliative treatment near a previously irradiated area', []],
    ['fillers are no topic', 'which codes should not be billed just because we used it, really?', []],
  ])('%s: "%s"', (_name, query, unmatched) => {
    expect(index.unmatched(query, { policyId: 'cvs' })).toEqual(unmatched);
  });
});
