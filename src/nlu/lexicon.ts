import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { compiledText, compiledValue, contentHash, type KeptText, recordCompiled, recordCompiledText } from '../data/snapshot.js';
import type { Corpus } from '../policy/corpus.js';
import type { FactValue } from '../policy/facts.js';
import { phraseTokens } from './normalise.js';
import { Skeleton, skeletonClasses } from './skeleton.js';

const Settings = lazySchema(() => z.record(z.string(), z.union([z.string(), z.boolean()])));

export const LexiconEntry = lazySchema(() =>
  z.strictObject({
    match: z.array(z.string().min(1)).min(1),
    set: Settings,
    negated: Settings.optional(),
    /** What the phrase says when a proximity cue governs it ("near the kidney" is an organ at risk, not the diagnosis). */
    near: Settings.optional(),
    /**
     * How sure a bare mention is: `near` — only with a proximity cue or a negation ("T10 met,
     * cord" does not say the cord is close; "abutting the cord" does); `doubt` — never (an
     * ambiguous abbreviation): either way a decisive reading is asked about.
     */
    asserts: z.enum(['always', 'near', 'doubt']).default('always'),
    /**
     * Facts the phrase suggests without saying ("cord compression" most often comes from a
     * vertebral metastasis): asked about when they decide the answer, unless stated otherwise.
     */
    hints: Settings.optional(),
    /**
     * Facts the phrase states unless the question states another value of them: a refused IMRT is
     * the modality when nothing else is named ("IMRT denied but given anyway"), not beside the
     * 3DCRT planned instead ("IMRT denied so 3DCRT").
     */
    yields: Settings.optional(),
    /**
     * A platform whose modality follows the body site: `set` holds for the diagnoses in `sites`,
     * `else` for any other diagnosis named (CyberKnife: SRS in the brain, SBRT for the prostate).
     */
    bySite: z.strictObject({ sites: z.array(z.string()).min(1), else: Settings }).optional(),
    /**
     * For a doubtful phrase (`asserts: doubt`), the diagnoses that settle it: read there as stated
     * ("SRT" is stereotactic or superficial, but SRT for a basal cell carcinoma is superficial).
     */
    settledBy: z.strictObject({ diagnosis: z.array(z.string()).min(1) }).optional(),
    /**
     * For a doubtful phrase, the diagnoses that say it is only where that disease is: a bone named
     * beside a sarcoma or a lymphoma is the primary's site, not a metastasis ("Ewing sarcoma of the femur").
     */
    dismissedBy: z.strictObject({ diagnosis: z.array(z.string()).min(1) }).optional(),
  }),
);
export type LexiconEntry = z.infer<typeof LexiconEntry>;

/**
 * A histology ending that carries a category on its own: any word ending in "sarcoma"
 * (myxofibrosarcoma) is a sarcoma. With `prefixes`, the stem before the ending decides
 * (glioblastoma → brain, hepatoblastoma → hepatobiliary) and a stem none names is not read.
 */
export const SuffixEntry = lazySchema(() =>
  z.strictObject({
    suffix: z.string().regex(/^[a-z]{4,}$/),
    set: Settings.optional(),
    prefixes: z.record(z.string().regex(/^[a-z]+$/), Settings).optional(),
  }),
);

export const LexiconFile = z
  .strictObject({
    otherPayers: z.array(z.string().min(1)).default([]),
    /**
     * What a payer without a policy here is to one with a policy (a parent company, say),
     * said in the answer as the policy's own scope allows, never used to answer with that policy.
     */
    payerRelations: z
      .array(z.strictObject({ names: z.array(z.string().min(1)).min(1), payer: z.string(), note: z.string().min(1) }))
      .default([]),
    /** Word classes a phrase may name as {class}: "{vertebra} met" stands for "t10 met", "l4 met" … */
    classes: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)).default({}),
    /** The skeleton by region: it gives the bone word classes ({bone}, {vertebra} …; see skeleton.ts). */
    skeleton: Skeleton.optional(),
    groups: z.record(z.string(), z.array(LexiconEntry)),
    suffixes: z.array(SuffixEntry).default([]),
  })
  // The skeleton's classes join the listed ones, so every reader of the file sees one set of classes.
  .transform((data, ctx) => {
    if (!data.skeleton) return data;
    const composed = skeletonClasses(data.skeleton);
    for (const name of Object.keys(composed)) {
      if (name in data.classes)
        ctx.addIssue({ code: 'custom', path: ['classes', name], message: `the skeleton gives class "${name}"` });
    }
    return { ...data, classes: { ...data.classes, ...composed } };
  });
export type LexiconFile = z.infer<typeof LexiconFile>;

/** A phrase ready for matching: its tokens and the entry it stands for. */
export interface Phrase {
  readonly tokens: readonly string[];
  readonly entry: LexiconEntry;
  readonly group: string;
}

/** Phrases by their first word: what matching reads (a Map when compiled; decoded on use when restored). */
export interface PhraseIndex {
  get(first: string): readonly Phrase[] | undefined;
  has(first: string): boolean;
  keys(): Iterable<string>;
  values(): Iterable<readonly Phrase[]>;
  readonly size: number;
}

/** The compiled lexicon: phrases indexed by first token, and every word it knows. */
export interface Lexicon {
  readonly byFirstToken: PhraseIndex;
  readonly words: ReadonlySet<string>;
  readonly payers: readonly string[];
  /** Payers with no policy here, as token sequences. */
  readonly otherPayers: readonly (readonly string[])[];
  /** A payer without a policy here (as matched) → what it is to one with a policy. */
  readonly payerRelations: ReadonlyMap<string, string>;
  /** Histology endings, each with the phrase its stems stand for (see SuffixEntry). */
  readonly suffixes: readonly Suffix[];
  /** The word classes (listed and the skeleton's), for other data that composes with them. */
  readonly classes: Readonly<Record<string, readonly string[]>>;
}

/** A compiled histology ending: the phrase for any stem, or per named stem. */
export interface Suffix {
  readonly suffix: string;
  readonly phrase?: Phrase;
  readonly prefixes: readonly (readonly [string, Phrase])[];
}

/**
 * The lexicon as the build's snapshot keeps it: entries once, and each first word's phrases as
 * lines "entry token token …" (longest first) in one text kept beside it (not JSON: 2 MB of
 * lines, of which a question reads a few words'), here as each word's range in that text; a
 * word's lines are decoded only when a question holds that word.
 */
interface CompiledLexicon {
  readonly entries: readonly [group: string, entry: LexiconEntry][];
  readonly phrases: readonly [first: string, start: number, end: number][];
  readonly words: readonly string[];
  readonly payers: readonly string[];
  readonly otherPayers: readonly (readonly string[])[];
  /** Each suffix's phrases are their own objects, so they keep as they are. */
  readonly suffixes: readonly Suffix[];
  readonly payerRelations: readonly (readonly [string, string])[];
  readonly classes: Readonly<Record<string, readonly string[]>>;
}

/**
 * Loads intents/lexicon.yaml, checking every fact and value against the corpus's fact table.
 * Compiling it (every word class expanded: some 12k phrases) was most of a cold start, so the
 * build keeps the result in its snapshot, keyed by the hash of the file, the fact table and the
 * payers it was checked against; the compiled code restores it when they are unchanged.
 */
export function loadLexicon(corpus: Corpus, file = projectPath('intents', 'lexicon.yaml')): Lexicon {
  const key = `lexicon:${contentHash(`${readFileSync(file, 'utf8')}\0${JSON.stringify(corpus.facts)}\0${[...corpus.policies.keys()].join(',')}`)}`;
  const compiled = compiledValue(key) as CompiledLexicon | undefined;
  const lines = compiled && compiledText(key);
  if (compiled && lines !== undefined) return restore(compiled, lines);
  const lexicon = compileLexicon(corpus, file);
  let kept: { compiled: CompiledLexicon; lines: string } | undefined;
  const keep = () => {
    kept ??= compact(lexicon);
    return kept;
  };
  recordCompiled(key, () => keep().compiled);
  recordCompiledText(key, () => keep().lines);
  return lexicon;
}

/** The lexicon as the snapshot keeps it (see CompiledLexicon): the structure, and the phrase lines it points into. */
export function compact(lexicon: Lexicon): { compiled: CompiledLexicon; lines: string } {
  const index = new Map<LexiconEntry, number>();
  const entries: [string, LexiconEntry][] = [];
  let lines = '';
  const phrases = [...lexicon.byFirstToken.keys()].map((first): [string, number, number] => {
    const start = lines.length;
    lines += (lexicon.byFirstToken.get(first) ?? [])
      .map((phrase) => {
        let i = index.get(phrase.entry);
        if (i === undefined) {
          i = entries.push([phrase.group, phrase.entry]) - 1;
          index.set(phrase.entry, i);
        }
        return `${i} ${phrase.tokens.join(' ')}`;
      })
      .join('\n');
    return [first, start, lines.length];
  });
  return {
    lines,
    compiled: {
      entries,
      phrases,
      words: [...lexicon.words],
      payers: lexicon.payers,
      otherPayers: lexicon.otherPayers,
      suffixes: lexicon.suffixes,
      payerRelations: [...lexicon.payerRelations],
      classes: lexicon.classes,
    },
  };
}

/** A restored lexicon's phrases: a first word's lines become phrases the first time it is looked up. */
class DecodedOnUse implements PhraseIndex {
  private readonly encoded: ReadonlyMap<string, readonly [number, number]>;
  private readonly decoded = new Map<string, readonly Phrase[]>();

  constructor(
    ranges: CompiledLexicon['phrases'],
    private readonly lines: KeptText,
    private readonly entries: CompiledLexicon['entries'],
  ) {
    this.encoded = new Map(ranges.map(([first, start, end]) => [first, [start, end]]));
  }

  get size(): number {
    return this.encoded.size;
  }

  has(first: string): boolean {
    return this.encoded.has(first);
  }

  get(first: string): readonly Phrase[] | undefined {
    let list = this.decoded.get(first);
    if (list === undefined) {
      const range = this.encoded.get(first);
      if (range === undefined) return undefined;
      list = this.lines
        .slice(range[0], range[1])
        .split('\n')
        .map((line) => {
          const [i, ...tokens] = line.split(' ');
          const [group, entry] = this.entries[Number(i)] as [string, LexiconEntry];
          return { tokens, entry, group };
        });
      this.decoded.set(first, list);
    }
    return list;
  }

  keys(): Iterable<string> {
    return this.encoded.keys();
  }

  *values(): Iterable<readonly Phrase[]> {
    for (const first of this.encoded.keys()) yield this.get(first) ?? [];
  }
}

/** The lexicon from what `compact` made: the same phrases in the same order for every first word. */
export function restore(compiled: CompiledLexicon, lines: KeptText): Lexicon {
  return {
    byFirstToken: new DecodedOnUse(compiled.phrases, lines, compiled.entries),
    words: new Set(compiled.words),
    payers: compiled.payers,
    otherPayers: compiled.otherPayers,
    suffixes: compiled.suffixes,
    payerRelations: new Map(compiled.payerRelations),
    classes: compiled.classes,
  };
}

function compileLexicon(corpus: Corpus, file: string): Lexicon {
  const data = loadYaml(file, LexiconFile);
  const payers = [...corpus.policies.keys()];
  const byFirstToken = new Map<string, Phrase[]>();
  const words = new Set<string>();
  const owners = new Map<string, string>();
  for (const [group, entries] of Object.entries(data.groups)) {
    for (const [i, entry] of entries.entries()) {
      const path = `groups.${group}[${i}]`;
      checkSettings(file, `${path}.set`, entry.set, corpus, payers);
      if (entry.negated) checkSettings(file, `${path}.negated`, entry.negated, corpus, payers);
      if (entry.near) checkSettings(file, `${path}.near`, entry.near, corpus, payers);
      if (entry.hints) checkSettings(file, `${path}.hints`, entry.hints, corpus, payers);
      if (entry.yields) checkSettings(file, `${path}.yields`, entry.yields, corpus, payers);
      if (entry.bySite) {
        checkSettings(file, `${path}.bySite.else`, entry.bySite.else, corpus, payers);
        for (const site of entry.bySite.sites) checkSettings(file, `${path}.bySite.sites`, { diagnosis: site }, corpus, payers);
      }
      for (const site of entry.settledBy?.diagnosis ?? [])
        checkSettings(file, `${path}.settledBy.diagnosis`, { diagnosis: site }, corpus, payers);
      for (const site of entry.dismissedBy?.diagnosis ?? [])
        checkSettings(file, `${path}.dismissedBy.diagnosis`, { diagnosis: site }, corpus, payers);
      for (const phrase of entry.match.flatMap((p, k) => expandClasses(file, `${path}.match[${k}]`, p, data.classes))) {
        const tokens = phraseTokens(phrase);
        const first = tokens[0];
        if (first === undefined) throw new DataError(file, `${path}.match: "${phrase}" has no words`);
        const key = tokens.join(' ');
        const owner = owners.get(key);
        if (owner !== undefined && owner !== path)
          throw new DataError(file, `${path}.match: "${phrase}" is already listed at ${owner}`);
        if (owner === path) continue;
        owners.set(key, path);
        for (const token of tokens) words.add(token);
        const list = byFirstToken.get(first) ?? [];
        list.push({ tokens, entry, group });
        byFirstToken.set(first, list);
      }
    }
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const suffixes = data.suffixes.map((s, i): Suffix => {
    const path = `suffixes[${i}]`;
    const phrase = (set: Record<string, string | boolean>, at: string): Phrase => {
      checkSettings(file, at, set, corpus, payers);
      return { tokens: [s.suffix], entry: { match: [s.suffix], set, asserts: 'always' }, group: 'histology' };
    };
    if (!s.set && !s.prefixes) throw new DataError(file, `${path}: needs set or prefixes`);
    return {
      suffix: s.suffix,
      ...(s.set ? { phrase: phrase(s.set, `${path}.set`) } : {}),
      prefixes: Object.entries(s.prefixes ?? {}).map(([p, set]) => [p, phrase(set, `${path}.prefixes.${p}`)] as const),
    };
  });
  const payerRelations = new Map<string, string>();
  for (const [i, relation] of data.payerRelations.entries()) {
    if (!payers.includes(relation.payer)) throw new DataError(file, `payerRelations[${i}].payer: no policy "${relation.payer}"`);
    for (const name of relation.names) {
      const key = phraseTokens(name).join(' ');
      if (!data.otherPayers.some((p) => phraseTokens(p).join(' ') === key))
        throw new DataError(file, `payerRelations[${i}].names: "${name}" is not listed under otherPayers`);
      payerRelations.set(key, relation.note);
    }
  }
  return {
    byFirstToken,
    words,
    payers,
    otherPayers: data.otherPayers.map(phraseTokens),
    suffixes,
    payerRelations,
    classes: data.classes,
  };
}

export function checkSettings(file: string, path: string, settings: Record<string, FactValue>, corpus: Corpus, payers: string[]) {
  for (const [fact, value] of Object.entries(settings)) {
    if (fact === 'payer') {
      if (!payers.includes(String(value))) throw new DataError(file, `${path}.payer: no policy "${value}"`);
      continue;
    }
    const def = corpus.facts[fact];
    if (!def) throw new DataError(file, `${path}: unknown fact "${fact}"`);
    const ok =
      def.kind === 'boolean'
        ? typeof value === 'boolean'
        : def.kind === 'enum' && typeof value === 'string' && value in def.values;
    if (!ok) throw new DataError(file, `${path}.${fact}: "${String(value)}" is not a value of ${fact}`);
  }
}

/** A phrase with its {class} slots filled every way the classes allow. */
export function expandClasses(
  file: string,
  path: string,
  phrase: string,
  classes: Readonly<Record<string, readonly string[]>>,
): string[] {
  const slot = /\{([a-z_]+)\}/.exec(phrase);
  if (!slot) return [phrase];
  const members = classes[slot[1] as string];
  if (!members) throw new DataError(file, `${path}: no word class "${slot[1]}"`);
  return members.flatMap((member) =>
    expandClasses(file, path, phrase.slice(0, slot.index) + member + phrase.slice(slot.index + slot[0].length), classes),
  );
}
