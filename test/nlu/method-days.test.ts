import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import { loadYaml } from '../../src/data/load-yaml.js';
import { projectPath } from '../../src/data/paths.js';
import { MethodFile } from '../../src/nlu/igrt-methods.js';
import { phraseTokens } from '../../src/nlu/normalise.js';
import { parseQuestion } from '../../src/nlu/parse.js';

// Generated from intents/igrt-methods.yaml: methods × day relations × negation, and methods × the
// days each is said on. Expected: true (two methods one day), false (apart), 'ask' (a reading to confirm).
const pipeline = defaultPipeline();
const data = loadYaml(projectPath('intents', 'igrt-methods.yaml'), MethodFile);
const fill = (p: string, n = 2) => p.replace('{nth}', n === 2 ? 'second' : `${n}th`).replace('{n}', String(n));

type Reading = boolean | 'ask' | undefined;
function reading(q: string): Reading {
  const parsed = parseQuestion(pipeline, `horizon imrt ${q}, bill both?`, '2025-03-04');
  if (parsed.unsure.some((u) => u.fact === 'multipleMethodsSameDay')) return 'ask';
  return parsed.facts.multipleMethodsSameDay as Reading;
}

// A name the lexicon reads as a phrase of its own ("sgrt" is tracking) is its to read, not a method here.
const lexiconPhrase = (name: string) =>
  pipeline.lexicon.byFirstToken
    .get(phraseTokens(name)[0] as string)
    ?.some((p) => p.tokens.join(' ') === phraseTokens(name).join(' '));
const methods = Object.entries(data.methods).map(([method, names]) => ({
  method,
  names: names.filter((n) => !lexiconPhrase(n)),
}));
/** The k-th pair of two different methods, each by a name taken in turn. */
function pair(k: number): [string, string] {
  const a = methods[k % methods.length] as (typeof methods)[number];
  const b = methods[(k + 1 + Math.floor(k / methods.length)) % methods.length] as (typeof methods)[number];
  const other = b.method === a.method ? (methods[(k + 2) % methods.length] as (typeof methods)[number]) : b;
  return [a.names[k % a.names.length] as string, other.names[(k + 1) % other.names.length] as string];
}

const relations = [
  ...data.days.same.map((r) => ({ r, together: true })),
  ...data.days.apart.map((r) => ({ r, together: false })),
].map(({ r, together }, k) => ({ relation: fill(r), together, methods: pair(k) }));

describe('day relations: said in a clause, turned round by a negation before them', () => {
  test.each(relations)('"$relation" ($methods)', ({ relation, together, methods: [a, b] }) => {
    expect(reading(`${a} and ${b} ${relation}`)).toBe(together);
    for (const cue of ['not', 'never']) expect(reading(`${a} and ${b} ${cue} ${relation}`)).toBe(!together);
    // A negation about a predicate or a method is not about the day.
    expect(reading(`do not bill ${a} and ${b} ${relation}`)).toBe(together);
    expect(reading(`${a} and ${b}, possibly ${relation}`)).toBe('ask');
  });

  test.each([
    ['cbct and kv are never done on the same day', false],
    ['kv not used on the same day as cbct', false],
    ['cbct and kv, not sure if on the same day', 'ask'],
    // The negation reaches a predicate (billed) first: the methods are still on one day.
    ['cbct and kv not billed together on one claim on the same day', true],
  ] as const)('%s → %s', (q, expected) => {
    expect(reading(q)).toBe(expected);
  });

  test('relations that disagree leave it to be asked', () => {
    expect(reading('cbct and kv same day or different days')).toBe('ask');
  });
});

const named = Object.values(data.days.named);
const numbered = data.days.numbered;
/** Two names of one day ("mon", "Monday"; "fx 1", "first fraction") and a name of another. */
const days = [
  ...named.map((names, k) => ({
    day: names[0] as string,
    same: names[names.length - 1] as string,
    other: (named[(k + 1) % named.length] as string[])[0] as string,
  })),
  ...numbered.map((p, k) => ({
    day: fill(p, 1),
    same: fill(numbered[(k + 1) % numbered.length] as string, 1),
    other: fill(p, 3),
  })),
].map((d, k) => ({ ...d, methods: pair(k + 3) }));

describe('days said for each method: apart on different days, together on one, asked when unclear', () => {
  test.each(days)('$day / $same / $other ($methods)', ({ day, same, other, methods: [a, b] }) => {
    expect(reading(`${a} ${day}, ${b} ${other}`)).toBe(false);
    expect(reading(`${a} on ${day} and ${b} on ${other}`)).toBe(false);
    expect(reading(`${a} ${day}, ${b} ${same}`)).toBe(true);
    // Which method goes with which day is not said; one method with a day, the other with none.
    expect(reading(`${a} with ${b} ${day} ${other}`)).toBe('ask');
    expect(reading(`${a} ${day}, ${b}`)).toBe('ask');
    // With only one method left, there is no second method that day.
    expect(reading(`no ${a}, ${b} ${day}`)).toBeUndefined();
  });
});

const every = data.days.every.map((f) => fill(f));
const some = data.days.some.map((f) => fill(f));
describe('frequencies: every day meets anything said without days; daily with weekly is asked', () => {
  test.each(
    every.map((f, k) => ({
      f,
      g: every[(k + 1) % every.length] as string,
      s: some[k % some.length] as string,
      methods: pair(k),
    })),
  )('$f / $g / $s ($methods)', ({ f, g, s, methods: [a, b] }) => {
    expect(reading(`${f} ${a}, ${g} ${b}`)).toBe(true);
    expect(reading(`${f} ${a} and ${b}`)).toBe(true);
    expect(reading(`${f} ${a}, ${s} ${b}`)).toBe('ask');
    expect(reading(`${s} ${a} and ${b}`)).toBe('ask');
  });
});

describe("Horizon's one-method-per-day rule applies only where the methods meet on one day", () => {
  const ask = async (q: string) =>
    (await answer(q, { pipeline, today: '2025-03-04' })).findings.find((f) => f.payer === 'horizon');
  test.each([
    ['CBCT then ExacTrac on the same fraction', 'do_not_bill'],
    ['CBCT and ExacTrac on different days', 'separately_billable'],
    ['Monday kV, Tuesday CBCT', 'separately_billable'],
    ['kV and CBCT on alternate fractions', 'separately_billable'],
    ['CBCT and ExacTrac, never on the same day', 'separately_billable'],
    ['Calypso tracking and CBCT on the same fraction', 'do_not_bill'],
    ['SGRT and CBCT same day', 'do_not_bill'],
    // A plus joins two methods; without it "kv cbct" would be one name of CBCT.
    ['kV + CBCT same day', 'do_not_bill'],
    ['kv+cbct on the same fraction', 'do_not_bill'],
  ])('horizon.one-method-daily: %s → %s', async (q, determination) => {
    expect((await ask(`horizon IMRT prostate in the office, ${q}, bill both?`))?.determination).toBe(determination);
  });

  test('daily kV with weekly CBCT may or may not meet: the answer asks which', async () => {
    const finding = await ask('horizon IMRT prostate in the office, daily kV and weekly CBCT, bill both?');
    expect(finding?.determination).toBe('needs_info');
    expect(finding?.missing).toContain('multipleMethodsSameDay');
  });
});

describe('with SBRT or SRS no IGRT code is billed at all, so a second method a day is bundled, not a second bill', () => {
  test.each([
    [
      'horizon',
      'horizon SBRT lung in the office, ExacTrac + CBCT on every fraction, bill both?',
      'bundled',
      'horizon.III.sbrt.billing',
    ],
    ['horizon', 'horizon SRS brain met, kV and CBCT same day, bill both?', 'bundled', 'horizon.III.srs.billing'],
    ['cvs', 'CVS SBRT liver, freestanding, CBCT and ExacTrac the same day — bill both?', 'bundled', 'cvs.sbrt-srs.bundled'],
    ['horizon', 'horizon, two IGRT methods on the same day, bill both?', 'do_not_bill', 'horizon.one-method-daily'],
  ])('%s: %s', async (payer, q, determination, ruleId) => {
    const finding = (await answer(q, { pipeline, today: '2025-03-04' })).findings.find((f) => f.payer === payer);
    expect([finding?.determination, finding?.ruleId]).toEqual([determination, ruleId]);
  });
});
