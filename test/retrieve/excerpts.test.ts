import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';

const { corpus, index } = defaultPipeline();
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('excerpts are verbatim and come from the deciding rule’s section', () => {
  test.each([
    ['Horizon 3DCRT rectal prone belly board', 'horizon', 'II.J'],
    ['CVS palliative 3DCRT PTV near previously irradiated area', 'cvs', 'policy.3dcrt'],
    ['Horizon SBRT lung, bill IGRT separately?', 'horizon', 'III.A'],
    ['Horizon brachytherapy, is imaging necessary?', 'horizon', 'IV'],
    ['Horizon MPFS freestanding IMRT, is IGRT bundled?', 'horizon', 'background.g-codes'],
    ['CVS IGRT with electron beam therapy', 'cvs', 'policy.superficial-electron'],
    ['Horizon 9 year old IMRT', 'horizon', 'scope.population'],
  ])('%s → %s %s', async (question, payer, section) => {
    const finding = (await answer(question)).findings.find((f) => f.payer === payer);
    expect(finding?.citation.section).toBe(section);
    const text = corpus.policies.get(payer)?.sections.get(section)?.text ?? '';
    expect(normalise(text)).toContain(normalise(finding?.citation.excerpt ?? 'missing'));
  });

  test('every finding of a spread of questions quotes its own section verbatim', async () => {
    const questions = [
      'Is IGRT covered with 3DCRT?',
      'IGRT with IMRT, bundled?',
      'CVS bone mets near cord',
      'Horizon proton',
      'Horizon vendor requires IGRT',
    ];
    for (const q of questions) {
      for (const f of (await answer(q)).findings) {
        const text = corpus.policies.get(f.citation.policyId)?.sections.get(f.citation.section)?.text ?? '';
        expect(normalise(text), `${q} / ${f.payer}`).toContain(normalise(f.citation.excerpt));
      }
    }
  });

  test('free-text search finds the port-film passage, abbreviations and all', () => {
    const hit = index.search('what does the policy say about port films')[0];
    expect(hit?.passage.section).toBe('background.port-films');
    expect(index.search('4D-CT respiratory tracking')[0]?.passage.section).toBe('background.respiratory-motion');
  });

  test('nonsense finds nothing rather than something', () => {
    expect(index.search('zzzz qqqq')).toEqual([]);
  });
});
