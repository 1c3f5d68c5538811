import { type CodeTable, loadCodeTable } from '../codes/table.js';
import type { Determination, Question } from '../contract/determination.js';
import type { Corpus } from '../policy/corpus.js';
import type { Facts, FactValue } from '../policy/facts.js';
import type { Rule } from '../policy/schema.js';
import { factsOf } from '../policy/walk-condition.js';
import { FILLERS, FRAMES, type Frame } from './frames.js';
import { cachedOracle } from './oracle.js';
import { type PhraseBook, valueKey } from './phrases.js';
import { Prng } from './prng.js';
import { type Draft, type Fragment, type Join, Renderer } from './render.js';
import { type CodeMeaning, codeMeaning, Rotation, Sayer } from './say.js';
import { Variants } from './variants.js';
import { complete, type RuleSite, sameValue, type Witness, witnesses } from './witness.js';

/** One generated question with its truth: the evaluator's determination on the facts it states. */
export interface GeneratedCase {
  /** `<rule id>#<n>`: the rule the facts were derived from, and which phrasing. */
  readonly id: string;
  readonly ruleId: string;
  readonly policyId: string;
  readonly question: Question;
  readonly frameId: string;
  readonly text: string;
  /** Every fact the text states; the parse must give these back. */
  readonly facts: Facts;
  /** Facts the rule needs unstated (`unknown: true`); the parse must not invent them. */
  readonly absent: readonly string[];
  /** Payers whose findings are checked: the one named, or every payer when none is. */
  readonly payers: readonly string[];
  readonly expected: Readonly<Record<string, Determination>>;
  /** True when the facts were completed so that the rule itself decides; false for a bare witness. */
  readonly decides: boolean;
  readonly draft: Draft;
}

export interface SuiteOptions {
  /** The code table whose `implies` says what a code states; loaded beside the corpus when absent. */
  readonly codes?: CodeTable;
  readonly seed?: number;
  /** Phrasings per witness, at least and at most; between them, as many as its largest phrase pool. */
  readonly minPerWitness?: number;
  readonly maxPerWitness?: number;
}

/** The generated suite and what could not be generated (reported, never silently dropped). */
export interface Suite {
  readonly cases: readonly GeneratedCase[];
  /** Rules with a witness no phrase can say, or whose facts never let them decide. */
  readonly gaps: readonly { ruleId: string; reason: string }[];
  /** Lexicon phrases that no case used (their other settings never fit a case). */
  readonly unusedPhrases: readonly string[];
  /** Phrasings left out because no phrase of some value fit the rest of the case. */
  readonly dropped: number;
}

export const DEFAULT_SEED = 20_251_123;

/** Builds the suite from the data: every rule of every policy, every phrase of the values it reads. */
export function generateSuite(corpus: Corpus, book: PhraseBook, options: SuiteOptions = {}): Suite {
  return new SuiteBuilder(corpus, book, options).build();
}

class SuiteBuilder {
  private readonly prng: Prng;
  private readonly renderer: Renderer;
  private readonly rotation = new Rotation();
  private readonly sayer: Sayer;
  private readonly usedPhrases = new Set<string>();
  private readonly payers: readonly string[];
  private readonly cases: GeneratedCase[] = [];
  private readonly gaps: { ruleId: string; reason: string }[] = [];
  private dropped = 0;
  private readonly oracle: ReturnType<typeof cachedOracle>;
  private readonly meaning: CodeMeaning;

  constructor(
    private readonly corpus: Corpus,
    private readonly book: PhraseBook,
    private readonly options: SuiteOptions,
  ) {
    this.prng = new Prng(options.seed ?? DEFAULT_SEED);
    this.payers = [...corpus.policies.keys()].sort();
    this.oracle = cachedOracle(corpus);
    const codes = options.codes ?? loadCodeTable(corpus);
    this.meaning = codeMeaning(codes);
    this.renderer = new Renderer(book.phrases, this.meaning);
    this.sayer = new Sayer(book, this.rotation, (payers, question, facts) => this.expect(payers, question, facts), this.meaning);
  }

  build(): Suite {
    for (const policyId of this.payers) {
      const questions: Partial<Record<Question, readonly Rule[]>> = this.corpus.policies.get(policyId)?.rules.questions ?? {};
      for (const question of ['necessity', 'billing'] as const) {
        for (const rule of questions[question] ?? []) this.rule({ corpus: this.corpus, policyId, question, rule });
      }
    }
    this.coverRemaining();
    const unusedPhrases = this.book.phrases.filter((p) => !this.usedPhrases.has(p));
    return { cases: this.cases, gaps: this.gaps, unusedPhrases, dropped: this.dropped };
  }

  /**
   * Rotation reaches every phrase of a value only if the value appears often enough; each
   * rendering still unused is swapped into the first case that can carry it.
   */
  private coverRemaining(): void {
    const variants = new Variants(this.corpus, this.book, this.meaning);
    const said = new Set(this.cases.flatMap((c) => c.draft.fragments.map((f) => f.rendering.text)));
    const carriers = new Map<string, GeneratedCase[]>();
    for (const c of this.cases) {
      for (const [fact, value] of Object.entries(c.facts)) {
        const key = valueKey(fact, value);
        carriers.set(key, [...(carriers.get(key) ?? []), c]);
      }
    }
    for (const [key, pool] of this.book.pools) {
      for (const rendering of pool) {
        if (said.has(rendering.text)) continue;
        for (const c of carriers.get(key) ?? []) {
          const index = c.draft.fragments.findIndex((f) =>
            f.covers.some((fact) => valueKey(fact, c.facts[fact] as FactValue) === key),
          );
          const variant = index < 0 ? undefined : variants.swap(c, index, rendering, 'cover');
          if (!variant) continue;
          this.cases.push({ ...variant, id: `${c.ruleId}#${this.cases.filter((x) => x.ruleId === c.ruleId).length + 1}` });
          said.add(rendering.text);
          this.usedPhrases.add(rendering.phrase);
          break;
        }
      }
    }
  }

  private rule(site: RuleSite): void {
    const all = witnesses(site.rule.when, this.corpus.facts);
    const sayable = all.filter((w) => Object.entries(w.facts).every(([f, v]) => this.sayer.renderable(f, v)));
    if (sayable.length === 0) {
      this.gaps.push({ ruleId: site.rule.id, reason: 'no witness of its condition can be said with lexicon phrases' });
      return;
    }
    let made = 0;
    let decided = 0;
    for (const witness of sayable) {
      const n = this.phrasingsFor(witness);
      for (let k = 0; k < n; k++) {
        const completed = complete(
          site,
          witness,
          this.prng,
          (f, v) => this.sayer.renderable(f, v),
          (f, v) => this.rotation.count(`complete:${valueKey(f, v)}`),
        );
        for (const [f, v] of Object.entries(completed?.facts ?? {})) {
          if (witness.facts[f] === undefined) this.rotation.bump(`complete:${valueKey(f, v)}`);
        }
        // Every fifth phrasing keeps the bare witness: the truth may then be needs_info, which
        // the bot must not answer with a definite determination either.
        const bare = !completed || (k % 5 === 4 && !sameValue(completed.facts, witness.facts));
        const one = this.makeCase(site, bare ? witness : (completed as Witness), !bare);
        if (!one) this.dropped += 1;
        else {
          made += 1;
          if (one.decides) decided += 1;
        }
      }
    }
    if (made === 0) this.gaps.push({ ruleId: site.rule.id, reason: 'no case could be phrased' });
    else if (decided === 0) this.gaps.push({ ruleId: site.rule.id, reason: 'no completion of its witnesses lets it decide' });
  }

  private phrasingsFor(witness: Witness): number {
    const sizes = Object.entries(witness.facts).map(([f, v]) => this.book.pools.get(valueKey(f, v))?.length ?? 1);
    const largest = Math.max(1, ...sizes);
    return Math.min(this.options.maxPerWitness ?? 30, Math.max(this.options.minPerWitness ?? 6, largest));
  }

  private makeCase(site: RuleSite, witness: Witness, completed: boolean): GeneratedCase | undefined {
    const { rule, policyId, question } = site;
    const facts: Record<string, FactValue> = { ...witness.facts };
    this.stateSomeDefaults(site, facts, witness.absent);
    if (this.prng.chance(0.25)) this.addContext(site, facts, witness.absent);
    // Extras are judged against the rule's own payer; a frame naming no payer takes whatever
    // the other payer's truth is on the final facts.
    const base = this.expect([policyId], question, facts);
    const fragments: Fragment[] = [];
    const covered = new Set<string>();
    for (const fact of this.prng.shuffle(Object.keys(facts))) {
      if (covered.has(fact)) continue;
      const rendering = this.sayer.choose(fact, facts[fact] as FactValue, facts, witness.absent, base, question);
      if (!rendering) return undefined;
      for (const [f, v] of Object.entries(rendering.sets)) {
        facts[f] = v;
        covered.add(f);
      }
      fragments.push({ rendering, covers: Object.keys(rendering.sets) });
    }
    // A post-negated clause never opens the list: only a comma may stand before it.
    const ordered = [...fragments].sort((a, b) => Number(a.rendering.form === 'post') - Number(b.rendering.form === 'post'));
    const frame = this.frame(question, facts);
    const draft: Draft = {
      frame,
      ...(frame.text.includes('{payer}')
        ? { payer: this.rotation.next(`payer:${policyId}`, this.book.payers.get(policyId) ?? []) }
        : {}),
      fragments: ordered,
      joins: ordered.map((): Join => this.prng.pick(['space', 'space', 'comma', 'comma', 'and'] as const)),
      ...this.filler(facts),
    };
    if (!draft.payer && frame.text.includes('{payer}')) return undefined;
    const stated = this.renderer.facts(draft);
    const payers = draft.payer ? [policyId] : this.payers;
    const expected = this.expect(payers, question, stated);
    const made: GeneratedCase = {
      id: `${rule.id}#${this.cases.filter((c) => c.ruleId === rule.id).length + 1}`,
      ruleId: rule.id,
      policyId,
      question,
      frameId: frame.id,
      text: this.renderer.text(draft),
      facts: stated,
      absent: witness.absent,
      payers,
      expected,
      decides: completed && expected[policyId] === rule.decision,
      draft,
    };
    for (const fragment of fragments) this.usedPhrases.add(fragment.rendering.phrase);
    this.cases.push(made);
    return made;
  }

  /** Sometimes says a defaulted fact out loud ("no prior RT"), where saying it changes nothing. */
  private stateSomeDefaults(site: RuleSite, facts: Record<string, FactValue>, absent: readonly string[]): void {
    const rules: readonly Rule[] = this.corpus.policies.get(site.policyId)?.rules.questions[site.question] ?? [];
    const read = [...new Set(rules.flatMap((r) => factsOf(r.when)))];
    const before = this.expect([site.policyId], site.question, facts);
    let added = 0;
    for (const fact of this.prng.shuffle(read)) {
      const def = this.corpus.facts[fact];
      if (added >= 2 || !def || !('default' in def) || def.default === undefined) continue;
      if (facts[fact] !== undefined || absent.includes(fact) || !this.sayer.renderable(fact, def.default)) continue;
      if (this.sayer.implied(facts).has(fact)) continue;
      if (!this.prng.chance(0.35)) continue;
      const trial = { ...facts, [fact]: def.default };
      if (!sameValue(this.expect([site.policyId], site.question, trial), before)) continue;
      facts[fact] = def.default;
      added += 1;
    }
  }

  /**
   * Adds one fact the case does not turn on (a plan type, a supine position, a right side),
   * least-used value first: values no rule reads positively get said too, and the case must
   * still come out the same for its rule's payer.
   */
  private addContext(site: RuleSite, facts: Record<string, FactValue>, absent: readonly string[]): void {
    const before = this.expect([site.policyId], site.question, facts);
    const implied = this.sayer.implied(facts);
    const keys = [...this.book.pools.keys()]
      .map((key) => ({
        key,
        fact: key.slice(0, key.indexOf('=')),
        value: JSON.parse(key.slice(key.indexOf('=') + 1)) as FactValue,
      }))
      .filter(({ fact }) => facts[fact] === undefined && !absent.includes(fact) && fact !== 'modifier' && !implied.has(fact))
      // Only values a phrase says alone: a context fact must not drag others in.
      .filter(({ key }) => this.book.pools.get(key)?.some((r) => Object.keys(r.sets).length === 1))
      .sort((a, b) => this.rotation.count(`context:${a.key}`) - this.rotation.count(`context:${b.key}`));
    for (const { key, fact, value } of keys.slice(0, 12)) {
      if (!sameValue(this.expect([site.policyId], site.question, { ...facts, [fact]: value }), before)) continue;
      this.rotation.bump(`context:${key}`);
      facts[fact] = value;
      return;
    }
  }

  private frame(question: Question, facts: Facts): Frame {
    const frames = FRAMES.filter((f) => f.question === question && !(f.code && facts.codes !== undefined));
    return this.rotation.next(`frame:${question}`, frames);
  }

  private filler(facts: Facts): Pick<Draft, 'filler'> {
    if (!this.prng.chance(0.4)) return {};
    const fillers = FILLERS.filter((f) => !(f.adult && facts.age === 'pediatric'));
    return { filler: { filler: this.rotation.next('filler', fillers), at: this.prng.pick(['start', 'middle', 'end'] as const) } };
  }

  private expect(payers: readonly string[], question: Question, facts: Facts): Record<string, Determination> {
    return Object.fromEntries(payers.map((p) => [p, this.oracle(p, question, facts)]));
  }
}
