import { loadCodeTable } from '../codes/table.js';
import type { Corpus } from '../policy/corpus.js';
import type { Facts } from '../policy/facts.js';
import type { Filler } from './frames.js';
import type { GeneratedCase } from './generate.js';
import { expectedDetermination } from './oracle.js';
import type { PhraseBook, Rendering } from './phrases.js';
import { type Draft, Renderer } from './render.js';
import { type CodeMeaning, codeMeaning } from './say.js';
import { sameValue } from './witness.js';

/** Rewrites a generated case one part at a time, recomputing its facts and truth from the data. */
export class Variants {
  private readonly renderer: Renderer;

  constructor(
    private readonly corpus: Corpus,
    book: PhraseBook,
    meaning: CodeMeaning = codeMeaning(loadCodeTable(corpus)),
  ) {
    this.renderer = new Renderer(book.phrases, meaning);
  }

  /**
   * The case with fragment `index` said by `rendering` instead. Undefined when the swap would
   * lose a fact, contradict one, state one the rule needs unstated, or change the rule's
   * payer's determination (a phrase whose other settings change the case is not a paraphrase).
   */
  swap(c: GeneratedCase, index: number, rendering: Rendering, tag = 'swap'): GeneratedCase | undefined {
    const old = c.draft.fragments[index];
    if (!old || this.contradicts(c, index, rendering)) return undefined;
    const fragments = c.draft.fragments.map((f, i) => (i === index ? { rendering, covers: Object.keys(rendering.sets) } : f));
    const variant = this.rewrite(c, { ...c.draft, fragments }, tag);
    const keeps = Object.entries(c.facts).every(([f, v]) => sameValue(variant.facts[f], v));
    const stays = variant.absent.every((f) => variant.facts[f] === undefined);
    return keeps && stays && variant.expected[c.policyId] === c.expected[c.policyId] ? variant : undefined;
  }

  /** The case with a clause that says nothing about it. */
  withFiller(c: GeneratedCase, filler: Filler, at: 'start' | 'middle' | 'end'): GeneratedCase {
    return this.rewrite(c, { ...c.draft, filler: { filler, at } }, `filler:${at}`);
  }

  /**
   * The case with one yes/no fact said the other way round by `rendering` (which must state
   * the opposite value). Undefined when the fact shares its phrase with other facts, or the
   * new phrase's other settings contradict the case.
   */
  flip(c: GeneratedCase, fact: string, rendering: Rendering): GeneratedCase | undefined {
    const value = c.facts[fact];
    if (typeof value !== 'boolean' || rendering.sets[fact] !== !value) return undefined;
    const index = c.draft.fragments.findIndex((f) => f.covers.includes(fact));
    const old = c.draft.fragments[index];
    if (!old || Object.keys(old.rendering.sets).length !== 1 || this.contradicts(c, index, rendering)) return undefined;
    const fragments = c.draft.fragments.map((f, i) => (i === index ? { rendering, covers: Object.keys(rendering.sets) } : f));
    const variant = this.rewrite(c, { ...c.draft, fragments }, `flip:${fact}`);
    const others = Object.entries(c.facts).every(([f, v]) => f === fact || sameValue(variant.facts[f], v));
    return others && variant.absent.every((f) => variant.facts[f] === undefined) ? variant : undefined;
  }

  /** Whether flipping a yes/no fact changes the truth for the case's own payer (the fact is decisive). */
  decisive(c: GeneratedCase, fact: string): boolean {
    const value = c.facts[fact];
    if (typeof value !== 'boolean') return false;
    const flipped: Facts = { ...c.facts, [fact]: !value };
    return expectedDetermination(this.corpus, c.policyId, c.question, flipped) !== c.expected[c.policyId];
  }

  /** Whether the rendering states a fact another fragment of the case states otherwise ("mscc" against "no bone mets"). */
  private contradicts(c: GeneratedCase, index: number, rendering: Rendering): boolean {
    return c.draft.fragments.some(
      (f, i) =>
        i !== index &&
        Object.entries(rendering.sets).some(([k, v]) => k in f.rendering.sets && !sameValue(f.rendering.sets[k], v)),
    );
  }

  /** Writes a changed draft out and recomputes facts and expectations on it. */
  rewrite(c: GeneratedCase, draft: Draft, tag: string): GeneratedCase {
    const facts = this.renderer.facts(draft);
    const expected = Object.fromEntries(c.payers.map((p) => [p, expectedDetermination(this.corpus, p, c.question, facts)]));
    return { ...c, id: `${c.id}/${tag}`, text: this.renderer.text(draft), facts, expected, draft };
  }
}
