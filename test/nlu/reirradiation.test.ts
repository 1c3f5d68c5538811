import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { loadYaml } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { expandClasses, LexiconFile } from '../../src/nlu/lexicon.js';
import { parseQuestion } from '../../src/nlu/parse.js';
import { compilePattern } from '../../src/nlu/patterns.js';
import { placePatterns, ReirradiationFile } from '../../src/nlu/reirradiation.js';

// Generated from intents/reirradiation.yaml: every relation × a rotation of references × negation, in one clause.
const pipeline = defaultPipeline();
const data = loadYaml(projectPath('intents', 'reirradiation.yaml'), ReirradiationFile);
const fill = (p: string) => p.replace('{n}', '2').replace('{year}', '2019').replace('{n}gy', '30gy');
const references = data.references.map(fill);
const parse = (q: string) => parseQuestion(pipeline, `CVS palliative 3dcrt, the ptv ${q}`, '2025-03-04');
const cases = data.relations.needsReference.flatMap((relation, i) =>
  [0, 1, 2].map((k) => [fill(relation), references[(i * 3 + k) % references.length] as string] as const),
);

describe('composed re-irradiation: relation + reference in one clause', () => {
  test.each(cases)('"%s" … "%s" reads the PTV near prior radiation; negated, it does not', (relation, reference) => {
    const parsed = parse(`${relation} the ${reference} tumor area`);
    expect(parsed.facts.priorIrradiation ?? parsed.unsure.find((u) => u.fact === 'priorIrradiation')?.value).toBe(true);
    expect(parse(`does not ${relation} the ${reference} tumor area`).facts.priorIrradiation).not.toBe(true);
  });

  test.each(data.relations.selfReferring.map(fill))('"%s" speaks of earlier treatment on its own', (relation) => {
    expect(parse(`${relation} to the chest wall`).facts.priorIrradiation).toBe(true);
  });

  // Relations the lexicon lists as re-irradiation on their own ("same region") are its to read.
  const bare = data.relations.needsReference
    .map(fill)
    .filter((r) => !pipeline.lexicon.byFirstToken.get(r.split(' ')[0] as string)?.some((p) => p.tokens.join(' ') === r));
  test.each(bare)('"%s" with no reference to earlier treatment reads nothing', (relation) => {
    expect(parse(`${relation} the tumor`).facts.priorIrradiation).toBeUndefined();
  });

  test('a reference in another clause does not compose', () => {
    expect(parse('overlaps the nodes, prior 2019 chemo').facts.priorIrradiation).toBeUndefined();
  });

  test.each([
    'possibly overlaps the 2019 boost area',
    'might overlap the field she got in 2019',
    'may have overlapped the 2019 field',
  ])('a hedge makes it a reading to confirm: "%s"', (q) => {
    const parsed = parse(q);
    expect(parsed.facts.priorIrradiation).toBeUndefined();
    expect(parsed.unsure.find((u) => u.fact === 'priorIrradiation')?.doubt.kind).toBe('hedge');
  });

  test('a negation before a predicate is about the predicate, not the relation', () => {
    expect(parse('is IGRT not necessary if it overlaps the 2019 field').facts.priorIrradiation).toBe(true);
  });
});

// Generated from samePlace: each treated predicate with a rotation of places (every determiner with
// every place), of times and of what was given, in both orders: affirmed, undated, negated, hedged.
const { determiners, places, treated, times, given } = data.samePlace;
const placeWords = places.flatMap((p) => expandClasses('reirradiation.yaml', 'samePlace.places', p, pipeline.lexicon.classes));
const placePhrases = determiners.flatMap((d) => placeWords.map((p) => `${d} ${p}`));
const rotate = (list: readonly string[], n: number) => fill(list[n % list.length] as string).replace('{n}', '20');
const samePlace = treated.flatMap((verb, i) =>
  [0, 1, 2].map((k) => {
    const n = i * 3 + k;
    return [placePhrases[(n * 7) % placePhrases.length] as string, verb, rotate(given, n), rotate(times, n)] as const;
  }),
);
const prior = (q: string) => {
  const parsed = parseQuestion(pipeline, `CVS palliative 3dcrt to the sacral met, ${q}`, '2025-03-04');
  return parsed.facts.priorIrradiation ?? (parsed.unsure.some((u) => u.fact === 'priorIrradiation') ? 'unsure' : undefined);
};

describe('composed re-irradiation: the same place, treated, earlier', () => {
  test.each(samePlace)('"%s … %s … %s … %s" reads the PTV near prior radiation', (place, verb, what, when) => {
    expect(prior(`${place} ${verb} ${what} ${when}`)).toBe(true);
    expect(prior(`${verb} ${what} to ${place} ${when}`)).toBe(true);
    expect(prior(`${place} ${verb} ${when}`)).toBe(true);
  });

  // "same area", "same region … treated" read as re-irradiation on their own (the lexicon, the relations above).
  test.each(samePlace.filter(([place, verb]) => prior(`${place} ${verb}`) === undefined))(
    '"%s %s %s" with no time may be this course: asked about',
    (place, verb, what) => {
      expect(prior(`${place} ${verb} ${what}`)).toBe('unsure');
    },
  );

  // "same area" is also a lexicon phrase of its own; in a statement about that place, the statement decides.
  test.each(samePlace)('"%s never %s %s": negated, it says the PTV is not', (place, verb, what) => {
    expect(prior(`${place} never ${verb} ${what}`)).toBe(false);
  });

  test.each(samePlace)('"not sure if %s %s %s %s": hedged, it is asked about', (place, verb, what, when) => {
    expect(prior(`not sure if ${place} ${verb} ${what} ${when}`)).toBe('unsure');
  });

  test.each([
    ['nothing given or dated', 'that area got worse', undefined],
    // Radiation given in the past, but not said to be here: where it was is asked (reirradiation.yaml history.past).
    ['no place of its own', 'the nodes got 30 gy in 2019', 'unsure'],
    ['no treatment said', 'that area in 2019', undefined],
    ['the parts in different clauses', 'that area, got 20/5 in 2022', 'unsure'],
  ])('%s: not read as the same place ("%s")', (_why, q, expected) => {
    expect(prior(q)).toBe(expected);
  });

  test('negated at the predicate it needs no reference: "that area was never treated"', () => {
    expect(prior('that area was never treated')).toBe(false);
    expect(prior('that area was treated')).toBeUndefined();
  });

  test('a negation about something else, words away, does not reach it', () => {
    expect(prior('without fiducials that area got 20/5 in 2022')).toBe(true);
  });
});

// Generated from the skeleton (intents/lexicon.yaml): every bone, by a name or a form of it, is a
// place of its own ("that femur", "the same hip"), composed with the same predicates and times.
const skeleton = pipeline.lexicon.classes;
const boneWords = [...(skeleton.bone ?? []), ...(skeleton.bone_mets_only ?? [])].filter((_, i) => i % 3 === 0);
const boneCases = boneWords.map((bone, n) => [`${determiners[n % determiners.length]} ${bone}`, rotate(times, n)] as const);

describe('composed re-irradiation: a named bone is a place', () => {
  test.each(boneCases)('"%s got 30/10 %s": treated there before; never treated there: not', (place, when) => {
    expect(prior(`${place} got 30/10 ${when}`)).toBe(true);
    expect(prior(`she got 20/5 to ${place} ${when}`)).toBe(true);
    expect(prior(`${place} was never irradiated`)).toBe(false);
  });

  // Rule: a place "treated" with something other than radiation, with no dose or radiation word, is asked about.
  test.each(data.samePlace.otherTreatments.map((t, n) => [t, rotate(times, n)] as const))(
    '"that femur was treated with %s %s": was it radiation? asked',
    (treatment, when) => {
      expect(prior(`that femur was treated with ${treatment} ${when}`)).toBe('unsure');
      expect(prior(`that femur had ${treatment} and 30 gy ${when}`)).toBe(true);
    },
  );
});

// Generated from intents/reirradiation.yaml and the lexicon's organ-at-risk classes (oar_*):
// every relation × an organ of each region in turn × negation and hedge, in one clause.
const lexicon = loadYaml(projectPath('intents', 'lexicon.yaml'), LexiconFile);
const organs = Object.entries(lexicon.classes)
  .filter(([name]) => name.startsWith('oar_'))
  .map(([, members]) => members);
const organAt = (k: number) => {
  const region = organs[k % organs.length] as string[];
  return region[Math.floor(k / organs.length) % region.length] as string;
};
const closeness = (q: string) => {
  const parsed = parse(q);
  const unsure = parsed.unsure.find((u) => u.fact === 'criticalStructure');
  return { stated: parsed.facts.criticalStructure, unsure: unsure?.doubt.kind, prior: parsed.facts.priorIrradiation };
};
const organCases = data.relations.needsReference.flatMap((relation, i) =>
  [0, 1].map((k) => [fill(relation), organAt(i * 2 + k)] as const),
);

describe('composed closeness to an organ at risk: relation + organ in one clause', () => {
  test.each(organCases)('"%s" … "%s" reads the target close to a critical structure, never re-irradiation', (relation, organ) => {
    expect(closeness(`${relation} the ${organ}`)).toEqual({ stated: true, unsure: undefined, prior: undefined });
    expect(closeness(`does not ${relation} the ${organ}`)).toEqual({ stated: false, unsure: undefined, prior: undefined });
    expect(closeness(`possibly ${relation} the ${organ}`)).toMatchObject({ stated: undefined, unsure: 'hedge' });
  });

  test.each(data.relations.measured.map((m, i) => [fill(m), organAt(i)] as const))(
    '"%s" … "%s": a distance alone is asked about, not taken as close or far',
    (measured, organ) => {
      expect(closeness(`the ptv is ${measured} the ${organ}`)).toEqual({
        stated: undefined,
        unsure: 'distance',
        prior: undefined,
      });
    },
  );

  test('a negation about the predicate, or about a phrase between, is not about the organ', () => {
    expect(closeness('why is igrt not covered when the ptv abuts the cord').stated).toBe(true);
    expect(closeness('no prior rt and the ptv overlaps a portion of the cord').stated).toBe(true);
  });

  test('a negation whose reach over other words is unclear is asked about', () => {
    expect(closeness('does not extend to or abut the cord')).toMatchObject({ stated: undefined, unsure: 'scope' });
  });

  test('a bare relation the lexicon reads as re-irradiation, aimed at an organ, places the target instead', () => {
    expect(closeness('same region as the spinal cord')).toEqual({ stated: true, unsure: undefined, prior: undefined });
    // With a reference to earlier treatment it is both.
    expect(closeness('same region as the spinal cord treated in 2019')).toMatchObject({ stated: true, prior: true });
  });
});

describe('what the policies make of closeness to an organ at risk', () => {
  const finding = async (q: string, payer: string) =>
    (await answer(q, { pipeline, today: '2025-03-04' })).findings.find((f) => f.payer === payer);
  test.each([
    [
      'cvs.3dcrt.bone-metastases-exception',
      'CVS palliative 3dcrt T10 bone met, the PTV abuts the spinal cord',
      'medically_necessary',
    ],
    [
      'cvs.3dcrt.bone-metastases',
      'CVS palliative 3dcrt T10 bone met, the PTV does not abut the spinal cord',
      'not_medically_necessary',
    ],
    ['cvs.3dcrt.bone-metastases-exception', 'CVS palliative 3dcrt T10 bone met, PTV 3 mm from the cord', 'needs_info'],
    // The palliative sentence names only a previously irradiated area: an organ does not meet it.
    [
      'cvs.3dcrt.palliative-criteria-not-met',
      'CVS palliative 3dcrt lung, the PTV overlaps the optic chiasm',
      'not_medically_necessary',
    ],
  ])('%s: %s → %s', async (_rule, q, determination) => {
    expect((await finding(q, 'cvs'))?.determination).toBe(determination);
  });
});

// Each modality of the lexicon, named as the earlier treatment, is not this treatment's modality.
const modalityPhrases = (lexicon.groups.modalities ?? [])
  .filter((e) => typeof e.set.modality === 'string' && e.set.modality !== '3dcrt' && e.asserts !== 'doubt' && !e.bySite)
  .map((e) => [e.match[0] as string, e.set.modality as string] as const);

describe('a modality named as the earlier treatment is not this one', () => {
  const modality = (q: string) => parseQuestion(pipeline, `CVS palliative 3dcrt lung, ${q}`, '2025-03-04').facts.modality;
  test.each(modalityPhrases)('"that lobe got %s in 2023": still 3DCRT (not %s)', (phrase) => {
    expect(modality(`that lobe got ${phrase} in 2023`)).toBe('3dcrt');
  });

  test.each(modalityPhrases)('"PTV overlaps the %s cavity treated 2024": still 3DCRT (not %s)', (phrase) => {
    expect(modality(`PTV overlaps the ${phrase} cavity treated 2024`)).toBe('3dcrt');
  });

  test.each([
    ['a re-treatment relation names this treatment', 'CVS: retreating with SBRT the same region treated in 2019', 'sbrt'],
    ['a modality after the earlier reference is this one', 'CVS lung: that area got 30 Gy in 2020 and now gets SBRT', 'sbrt'],
    ['the earlier one alone leaves the modality open', 'CVS palliative, PTV overlaps the SRS cavity treated 2024', undefined],
  ])('%s', (_why, q, expected) => {
    expect(parseQuestion(pipeline, q, '2025-03-04').facts.modality).toBe(expected);
  });
});

// Place patterns are each side tokenised once and joined; that must be the whole phrase's tokens.
describe('same-place patterns', () => {
  test('every determiner with every place (the skeleton’s bones included) tokenises as the whole phrase', () => {
    const expanded = [
      ...new Set(
        data.samePlace.places.flatMap((p, i) => expandClasses('reirradiation.yaml', `places[${i}]`, p, pipeline.lexicon.classes)),
      ),
    ];
    const joined = data.samePlace.determiners.flatMap((d) => expanded.map((p) => compilePattern(`${d} ${p}`)));
    expect(placePatterns(data.samePlace.determiners, expanded)).toEqual(joined);
    expect(pipeline.reirradiation.places).toEqual(joined);
  });
});
