import { impliedFacts } from '../codes/facts.js';
import type { CodeTable } from '../codes/table.js';
import type { Determination, Question } from '../contract/determination.js';
import type { Facts, FactValue } from '../policy/facts.js';
import { codeRendering, type PhraseBook, type Rendering, valueKey } from './phrases.js';
import { sameValue } from './witness.js';

/** What a code states on its own (77385 → IMRT), as codes.yaml says. */
export type CodeMeaning = (code: string) => Readonly<Record<string, FactValue>>;

export const codeMeaning =
  (table: CodeTable): CodeMeaning =>
  (code) =>
    impliedFacts(table, code);

/** Round-robin counters, per key, so every phrase, frame and filler takes its turn. */
export class Rotation {
  private readonly counts = new Map<string, number>();

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  bump(key: string, by = 1): void {
    this.counts.set(key, this.count(key) + by);
  }

  next<T>(key: string, items: readonly T[]): T {
    const i = this.count(key);
    this.bump(key);
    return items[i % items.length] as T;
  }
}

/** Truth for some payers on some facts (the generator's cached oracle). */
export type Expect = (payers: readonly string[], question: Question, facts: Facts) => Record<string, Determination>;

/** Picks the phrase that says a fact value in a case: the next in its rotation that fits. */
export class Sayer {
  constructor(
    private readonly book: PhraseBook,
    private readonly rotation: Rotation,
    private readonly expect: Expect,
    private readonly meaning: CodeMeaning,
  ) {}

  /** Whether some phrase says this value (codes are always said by writing them). */
  renderable(fact: string, value: FactValue): boolean {
    return fact === 'codes' || (this.book.pools.get(valueKey(fact, value))?.length ?? 0) > 0;
  }

  /**
   * The next phrase for a value in its pool's rotation whose other settings fit the case: none
   * that contradicts a fact, states one the rule needs unstated, or changes a determination.
   */
  choose(
    fact: string,
    value: FactValue,
    facts: Facts,
    absent: readonly string[],
    base: Readonly<Record<string, Determination>>,
    question: Question,
  ): Rendering | undefined {
    if (fact === 'codes' && Array.isArray(value)) {
      const implied = Object.assign({}, ...value.map((code) => this.meaning(code)));
      const rendering = codeRendering(value.join(' and '), { ...implied, codes: value });
      return this.fits(rendering, facts, absent, base, question) ? rendering : undefined;
    }
    const key = valueKey(fact, value);
    const pool = this.book.pools.get(key) ?? [];
    const start = this.rotation.count(key);
    for (let i = 0; i < pool.length; i++) {
      const rendering = pool[(start + i) % pool.length] as Rendering;
      if (!this.fits(rendering, facts, absent, base, question)) continue;
      this.rotation.bump(key, i + 1);
      return rendering;
    }
    return undefined;
  }

  /** Facts the case's values cannot be said without ("bone mets" is also a diagnosis; G6017 is tracking). */
  implied(facts: Facts): Set<string> {
    const implied = new Set<string>();
    for (const [fact, value] of Object.entries(facts)) {
      if (fact === 'codes' && Array.isArray(value)) {
        for (const code of value) for (const f of Object.keys(this.meaning(code))) implied.add(f);
        continue;
      }
      const pool = this.book.pools.get(valueKey(fact, value)) ?? [];
      const [first, ...rest] = pool.map((r) => Object.keys(r.sets));
      for (const f of first ?? []) if (f !== fact && rest.every((keys) => keys.includes(f))) implied.add(f);
    }
    return implied;
  }

  private fits(
    rendering: Rendering,
    facts: Facts,
    absent: readonly string[],
    base: Readonly<Record<string, Determination>>,
    question: Question,
  ): boolean {
    const extra: Record<string, FactValue> = {};
    for (const [f, v] of Object.entries(rendering.sets)) {
      if (absent.includes(f)) return false;
      if (facts[f] === undefined) extra[f] = v;
      else if (!sameValue(facts[f], v)) return false;
    }
    if (Object.keys(extra).length === 0) return true;
    return sameValue(this.expect(Object.keys(base), question, { ...facts, ...extra }), base);
  }
}
