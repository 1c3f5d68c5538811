import { LruCache } from './lru.js';
import type { Passage } from './passages.js';
import { type TermHit, TermIndex } from './term-index.js';
import { Vocabulary, wordsOf } from './vocabulary.js';

// Words that carry no topic; searching for them would only add noise. The payers' own names
// are added from the corpus (see PassageIndex), so nothing here names a payer.
const STOP_WORDS = new Set(
  'a an and are as at be by can could do does for from has have how i if in is it its may me of on or our policy policies say says should so that the their them there this to under up us was we what when where which who why will with would you your about igrt image guided radiation therapy patient does said tell talk mention mentions something anything limit limits restrict restricts cap caps govern governs win wins just really actually basically simply please pls thanks thx kindly quick quickly exactly'.split(
    ' ',
  ),
);

/** A passage and how well it matched (higher is better). */
export interface Hit {
  readonly passage: Passage;
  readonly score: number;
}

/** Where to search: one policy, one section of it, or (neither given) every passage. */
export interface Scope {
  readonly policyId?: string;
  readonly section?: string;
}

/** Bounds of the caches: terms per scope, and whole queries. */
export interface SearchCacheLimits {
  readonly terms: number;
  readonly queries: number;
}

/**
 * Fuzzy passage search with fuse.js. Long questions do not fit Bitap's 32-character
 * patterns, so each content word is searched on its own (location-independent, with a
 * score cutoff) and a passage's score sums its words' match quality, rarer words counting more.
 *
 * Scaling: a term is fuzzy-matched once against the corpus's vocabulary (its distinct words),
 * whatever the scope; each scope (a policy, a section) gets its own posting lists, built on
 * first use, so a search touches only the passages it may return. Bounded caches keep a
 * term's word matches, its hits per scope, and a whole query's ranking.
 */
export class PassageIndex {
  private readonly scopes = new Map<string, TermIndex>();
  private readonly terms: LruCache<string, TermHit[]>;
  private readonly words: LruCache<string, ReadonlyMap<string, number>>;
  private vocabulary: Vocabulary | undefined;
  private readonly queries: LruCache<string, Hit[]>;
  private readonly order: ReadonlyMap<Passage, number>;
  private readonly stopWords: ReadonlySet<string>;

  constructor(
    private readonly passages: readonly Passage[],
    limits: SearchCacheLimits = { terms: 4096, queries: 512 },
  ) {
    this.order = new Map(passages.map((p, i) => [p, i]));
    this.terms = new LruCache(limits.terms);
    this.words = new LruCache(limits.terms);
    this.queries = new LruCache(limits.queries);
    // A payer's name, or its policy's number, says which policy to search, not what to search it for.
    const names = passages.flatMap((p) => `${p.policyId} ${p.payer} ${p.policyNumber ?? ''}`.toLowerCase().split(/[^a-z0-9]+/));
    this.stopWords = new Set([...STOP_WORDS, ...names.filter(Boolean)]);
  }

  /** How many term results are cached (for tests of the bound). */
  get cachedTerms(): number {
    return this.terms.size;
  }

  /** How many scopes have an index built. */
  get builtScopes(): number {
    return this.scopes.size;
  }

  /** The passages within a scope, in corpus order. */
  passagesIn(scope: Scope = {}): readonly Passage[] {
    return this.scoped(scope).passages;
  }

  /** The best passages for a query within a scope (default: every passage), best first. */
  search(query: string, scope: Scope = {}, limit = 3): Hit[] {
    const words = this.contentWords(query);
    const key = `${scopeKey(scope)}\u0000${words.join(' ')}`;
    let ranked = this.queries.get(key);
    if (!ranked) {
      ranked = this.rank(words, scope);
      this.queries.set(key, ranked);
    }
    return ranked.slice(0, limit);
  }

  /** The question's content words that match nothing in the scope: topics the policy does not mention. */
  unmatched(query: string, scope: Scope = {}): string[] {
    return this.contentWords(query).filter((word) => this.termHits(word, scope).length === 0);
  }

  private contentWords(query: string): string[] {
    // Bitap patterns stop at 32 characters; longer "words" are pasted junk, not topics.
    return [...new Set(query.toLowerCase().split(/[^a-z0-9]+/))]
      .filter((w) => w.length >= 3 && w.length <= 32 && !this.stopWords.has(w))
      .slice(0, 24);
  }

  private rank(words: readonly string[], scope: Scope): Hit[] {
    const totals = new Map<Passage, number>();
    for (const word of words) {
      const results = this.termHits(word, scope);
      if (results.length === 0) continue;
      const rarity = Math.log(1 + this.passages.length / results.length);
      for (const { passage, score } of results) totals.set(passage, (totals.get(passage) ?? 0) + (1 - score) * rarity);
    }
    return [...totals.entries()].map(([passage, score]) => ({ passage, score })).sort((a, b) => b.score - a.score);
  }

  private termHits(term: string, scope: Scope): TermHit[] {
    const key = `${scopeKey(scope)}\u0000${term}`;
    let hits = this.terms.get(key);
    if (!hits) {
      hits = this.scoped(scope).match(term, this.wordMatches(term));
      this.terms.set(key, hits);
    }
    return hits;
  }

  private wordMatches(term: string): ReadonlyMap<string, number> {
    let matches = this.words.get(term);
    if (!matches) {
      this.vocabulary ??= new Vocabulary(this.passages.flatMap((p) => [...wordsOf(p.text), ...wordsOf(p.sectionTitle)]));
      matches = this.vocabulary.matches(term);
      this.words.set(term, matches);
    }
    return matches;
  }

  private scoped(scope: Scope): TermIndex {
    const key = scopeKey(scope);
    let index = this.scopes.get(key);
    if (!index) {
      const inScope = this.passages.filter(
        (p) =>
          (scope.policyId === undefined || p.policyId === scope.policyId) &&
          (scope.section === undefined || p.section === scope.section),
      );
      index = new TermIndex(
        inScope,
        inScope.map((p) => this.order.get(p) ?? 0),
      );
      this.scopes.set(key, index);
    }
    return index;
  }
}

function scopeKey(scope: Scope): string {
  return `${scope.policyId ?? '*'}\u0001${scope.section ?? '*'}`;
}
