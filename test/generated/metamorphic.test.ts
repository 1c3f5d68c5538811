import { beforeAll, describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import type { Answer } from '../../src/contract/answer.js';
import { FILLERS } from '../../src/eval/frames.js';
import { type GeneratedCase, generateSuite } from '../../src/eval/generate.js';
import { isDefinite } from '../../src/eval/oracle.js';
import { loadPhraseBook, type Rendering, valueKey } from '../../src/eval/phrases.js';
import { SUITE_DATE } from '../../src/eval/run.js';
import { Variants } from '../../src/eval/variants.js';

/**
 * Relations between answers rather than against the truth: a paraphrase or a filler clause
 * must not move an answer, and negating a fact that decides the case must move it (or make
 * the bot ask). Each relation is checked on variants of the generated cases.
 */
const pipeline = defaultPipeline();
const { corpus } = pipeline;
const book = loadPhraseBook(corpus);
const suite = generateSuite(corpus, book);
const variants = new Variants(corpus, book);

interface Pair {
  readonly relation: string;
  readonly base: GeneratedCase;
  readonly variant: GeneratedCase;
  /** The variant says the patient is an adult (a filler with an age). */
  readonly adult?: boolean;
}

/** (a) Each case with one fragment said by another phrase of the same entry (identical settings). */
function paraphrases(): Pair[] {
  return suite.cases.flatMap((base, n) => {
    const index = n % Math.max(1, base.draft.fragments.length);
    const fragment = base.draft.fragments[index];
    if (!fragment || fragment.rendering.form === 'code') return [];
    const [fact] = fragment.covers as [string];
    const { rendering } = fragment;
    const pool = book.pools.get(valueKey(fact, base.facts[fact] ?? false)) ?? [];
    // A plain phrase swaps for another of its entry; a negated one keeps its cue and swaps the phrase.
    const same =
      rendering.form === 'phrase'
        ? pool.filter((r) => r.form === 'phrase' && r.text !== rendering.text && sameSets(r, rendering))
        : [...new Set(pool.map((r) => r.phrase))]
            .filter((p) => p !== rendering.phrase)
            .flatMap((p) => book.negate(fact, p).filter((r) => r.cue === rendering.cue && r.form === rendering.form));
    const other = same[n % Math.max(1, same.length)];
    const variant = other && variants.swap(base, index, other, 'paraphrase');
    return variant ? [{ relation: 'paraphrase', base, variant }] : [];
  });
}

/** (b) Every third case with a filler clause added, in turn at the start, middle and end. */
function fillers(): Pair[] {
  return suite.cases.flatMap((base, n) => {
    if (base.draft.filler || n % 3 !== 0) return [];
    const choices = FILLERS.filter((f) => !(f.adult && base.facts.age === 'pediatric'));
    const filler = choices[n % choices.length];
    if (!filler) return [];
    const at = (['start', 'middle', 'end'] as const)[n % 3] ?? 'end';
    return [
      {
        relation: `filler "${filler.text}" at ${at}`,
        base,
        variant: variants.withFiller(base, filler, at),
        ...(filler.adult ? { adult: true } : {}),
      },
    ];
  });
}

/** (c) Each case with a decisive yes/no fact said the other way round (negated, or affirmed). */
function flips(): Pair[] {
  return suite.cases.flatMap((base, n) =>
    Object.keys(base.facts)
      .filter((fact) => variants.decisive(base, fact))
      .flatMap((fact) => {
        const pool = book.pools.get(valueKey(fact, !base.facts[fact])) ?? [];
        const fitting = pool.filter((r) => Object.keys(r.sets).length === 1);
        const rendering = fitting[n % Math.max(1, fitting.length)];
        const variant = rendering && variants.flip(base, fact, rendering);
        return variant ? [{ relation: `flip ${fact}`, base, variant }] : [];
      }),
  );
}

/** (d) The same phrase affirmed and negated with every cue that suits its fact, where the fact decides. */
function negations(): Pair[] {
  const seen = new Set<string>();
  return suite.cases.flatMap((base) =>
    base.draft.fragments.flatMap((fragment) => {
      const [fact] = fragment.covers;
      const { rendering } = fragment;
      if (!fact || fragment.covers.length !== 1 || rendering.form !== 'phrase' || base.facts[fact] !== true) return [];
      if (!variants.decisive(base, fact) || seen.has(`${base.ruleId}|${rendering.phrase}`)) return [];
      seen.add(`${base.ruleId}|${rendering.phrase}`);
      return book.negate(fact, rendering.phrase).flatMap((negated) => {
        const variant = variants.flip(base, fact, negated);
        return variant ? [{ relation: `negate "${rendering.phrase}" with "${negated.cue}"`, base, variant }] : [];
      });
    }),
  );
}

function sameSets(a: Rendering, b: Rendering): boolean {
  return JSON.stringify(Object.entries(a.sets).sort()) === JSON.stringify(Object.entries(b.sets).sort());
}

const relations = { paraphrase: paraphrases(), filler: fillers(), flip: flips(), negation: negations() };
const answers = new Map<string, Answer>();

// Thousands of answers: seconds on an idle machine, longer on a shared one — not a speed test.
beforeAll(async () => {
  const texts = new Set(Object.values(relations).flatMap((pairs) => pairs.flatMap((p) => [p.base.text, p.variant.text])));
  for (const text of texts) answers.set(text, await answer(text, { pipeline, today: SUITE_DATE }));
}, 120_000);

const said = (c: GeneratedCase) => answers.get(c.text) as Answer;

/** Pairs whose two answers differ in intent, a payer's determination or the facts read. */
function moved(pairs: readonly Pair[], answerOf: (c: GeneratedCase) => Answer): string[] {
  return pairs.flatMap((p) => {
    const [a, b] = [answerOf(p.base), answerOf(p.variant)];
    // An adult's age said in a filler ("pt is 67") is read, and it is the default: nothing moves.
    const facts = (x: Answer) => JSON.stringify(Object.entries(p.adult ? { ...x.facts, age: 'adult' } : x.facts).sort());
    const before = `${a.intent} ${verdicts(a, p.base.payers)} ${facts(a)}`;
    const after = `${b.intent} ${verdicts(b, p.base.payers)} ${facts(b)}`;
    return before === after ? [] : [line(p, `${before} ≠ ${after}`)];
  });
}

/** Pairs the evaluator tells apart whose answers keep the same definite determination. */
function stuck(pairs: readonly Pair[], answerOf: (c: GeneratedCase) => Answer): string[] {
  return pairs.flatMap((p) => {
    // The evaluator must see a difference for the relation to demand one.
    if (p.variant.expected[p.base.policyId] === p.base.expected[p.base.policyId]) return [];
    const before = answerOf(p.base).findings.find((f) => f.payer === p.base.policyId)?.determination;
    const after = answerOf(p.variant).findings.find((f) => f.payer === p.base.policyId)?.determination;
    return isDefinite(before) && before === after ? [line(p, `${p.base.policyId} stays ${before}`)] : [];
  });
}
const verdicts = (a: Answer, payers: readonly string[]) =>
  payers.map((p) => `${p}: ${a.findings.find((f) => f.payer === p)?.determination ?? 'none'}`).join(', ');
const line = (p: Pair, why: string) => `${p.base.ruleId} (${p.relation}) "${p.base.text}" → "${p.variant.text}": ${why}`;

describe('metamorphic: what must not move an answer', () => {
  test.each([
    ['(a) another phrase of the same lexicon entry', 'paraphrase'],
    ['(b) a filler clause', 'filler'],
  ] as const)('%s changes neither the determinations nor the facts read', (_name, key) => {
    const pairs = relations[key];
    expect(pairs.length).toBeGreaterThan(100);
    expect(moved(pairs, said)).toEqual([]);
  });
});

describe('metamorphic: what must move an answer', () => {
  test.each([
    ['(c) saying a decisive yes/no fact the other way round', 'flip'],
    ['(d) negating the phrase of a decisive fact, with each cue that suits it', 'negation'],
  ] as const)('%s never leaves the same definite determination', (_name, key) => {
    const pairs = relations[key];
    expect(pairs.length).toBeGreaterThan(50);
    expect(stuck(pairs, said)).toEqual([]);
  });
});

describe('metamorphic: the checks themselves can fail', () => {
  const definite = (c: GeneratedCase) => isDefinite(said(c).findings.find((f) => f.payer === c.policyId)?.determination);

  test('an answer that ignores a decisive flip is reported stuck', () => {
    const pair = relations.flip.find((p) => definite(p.base));
    if (!pair) throw new Error('no flip of a definite answer generated');
    // Answer the variant with the base's own answer: a bot deaf to the negation.
    const deaf = (c: GeneratedCase) => said(c === pair.variant ? pair.base : c);
    expect(stuck([pair], deaf)).toHaveLength(1);
  });

  test('a paraphrase answered differently is reported moved', () => {
    // A flip whose answers differ stands in for a paraphrase whose answer changed.
    const pair = relations.flip.find((p) => JSON.stringify(said(p.base).facts) !== JSON.stringify(said(p.variant).facts));
    if (!pair) throw new Error('no flip with differing answers generated');
    expect(moved([{ ...pair, relation: 'paraphrase' }], said)).toHaveLength(1);
  });
});
