import { loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { AssertionFile } from '../nlu/cues.js';
import { MethodFile } from '../nlu/igrt-methods.js';
import { LexiconFile } from '../nlu/lexicon.js';
import type { Corpus } from '../policy/corpus.js';
import type { FactValue } from '../policy/facts.js';

/** One way to say a fact value: the text, and every fact that text states. */
export interface Rendering {
  readonly text: string;
  readonly sets: Readonly<Record<string, FactValue>>;
  /** The lexicon phrase it is built on (for reports and coverage). */
  readonly phrase: string;
  /** The negation cue, when the value is said by negating a phrase. */
  readonly cue?: string;
  /** `near`: said with a proximity cue ("abutting the cord"), which the phrase needs to assert. */
  readonly form: 'phrase' | 'near' | 'pre' | 'post' | 'code';
}

/** The cue lists of intents/assertion.yaml, as the parser's own schema reads them (the generator renders with pre, post and proximity). */
export type AssertionCues = AssertionFile;

type CueKind = 'proximity' | 'structure' | 'absence' | 'history' | 'finding' | 'not' | 'technique' | 'plan';

/**
 * Which negation cues read naturally with which yes/no fact: "far from" only where nearness
 * is the point (prior irradiation, a critical structure), "ruled out" for findings, "not
 * used" for techniques. A fact not listed (multipleMethodsSameDay, targetLocalization) is
 * never said by negating its phrases: "without fiducials" does not say no target is localized.
 */
const CUE_KINDS: Readonly<Record<string, readonly CueKind[]>> = {
  priorIrradiation: ['proximity', 'absence', 'history'],
  criticalStructure: ['proximity', 'structure'],
  boneMetastasis: ['finding'],
  benignCondition: ['not'],
  hippocampalSparing: ['technique'],
  breathHold: ['technique'],
  respiratoryTracking: ['technique'],
  boost: ['plan'],
  apbi: ['plan'],
  wholeBrain: ['plan'],
  vendorRequirement: ['absence'],
};

const PRE_CUES: Readonly<Record<CueKind, readonly string[]>> = {
  proximity: [
    'far from',
    'far away from',
    'away from',
    'well away from',
    'well clear of',
    'clear of',
    'nowhere near',
    'nowhere close to',
    'not near',
    'not close to',
    'not anywhere near',
    'distant from',
    'remote from',
    'outside of',
    'separate from',
  ],
  structure: [],
  absence: ['no', 'without', 'w/o'],
  history: ['no history of', 'denies', 'no evidence of', 'never'],
  finding: ['no', 'without', 'no evidence of', 'no sign of', 'no signs of', 'negative for', 'free of', 'ruled out', 'excluding'],
  not: ['not', 'non'],
  technique: ['no', 'not', 'without', 'w/o'],
  plan: ['no', 'not', 'without'],
};

const POST_CUES: Readonly<Record<CueKind, readonly string[]>> = {
  proximity: ['not nearby', 'not near', 'not close', 'is far away', 'is far', 'far away', 'well away', 'is well away'],
  // Said of an organ, not of a prior field: "cord spared", "chiasm outside the field".
  structure: ['out of the field', 'outside the field', 'not involved', 'is not involved', 'is spared', 'are spared', 'spared'],
  absence: ['none', 'no', 'not a factor', 'not an issue', 'not a concern'],
  history: ['none', 'denied', 'negative'],
  finding: [
    'absent',
    'is absent',
    'are absent',
    'ruled out',
    'is ruled out',
    'not present',
    'is not present',
    'negative',
    'excluded',
  ],
  not: [],
  technique: [
    'not used',
    'is not used',
    'not being used',
    'not planned',
    'not needed',
    'not required',
    'not done',
    'not performed',
    'not utilized',
    'not employed',
  ],
  plan: ['not planned', 'none', 'not needed'],
};

/**
 * Proximity cues that read naturally with each fact ("abutting the cord", "overlapping the
 * prior field"); a fact not listed takes them all. Those in POST_PROXIMITY follow the phrase.
 */
const PROXIMITY_CUES: Readonly<Record<string, readonly string[]>> = {
  priorIrradiation: [
    'near',
    'close to',
    'in close proximity to',
    'in proximity to',
    'proximal to',
    'adjacent to',
    'abutting',
    'next to',
    'overlapping',
    'overlaps',
    'overlap with',
    'overlapping with',
    'within',
    'bordering',
    'nearby',
    'close by',
  ],
};
const POST_PROXIMITY = new Set(['nearby', 'close by']);

/** Post cues that read as a field's value ("prior RT: none"), so they are also written after a colon. */
const COLON_CUES = new Set(['none', 'no', 'negative', 'denied']);

/** Phrases that already say nearness ("near the cord"): only a plain "not" can negate them. */
const NEARNESS_PHRASE = /^(near|close|next|adjacent)\b/;
/** Phrases with nearness at the end ("bowel nearby") have no natural negated form. */
const TRAILING_NEARNESS = /\bnearby$/;
/**
 * Where a fact's phrases include instances ("keloid" is benign), negating an instance does
 * not deny the fact ("not a keloid" may still be benign): only the phrases naming the fact
 * itself are negated.
 */
const NEGATABLE: Readonly<Record<string, RegExp>> = { benignCondition: /\bbenign\b/ };

/** Everything the generator says facts with: lexicon phrases, negation cues, payer names. */
export interface PhraseBook {
  /** Renderings of each fact value, keyed by valueKey(fact, value). */
  readonly pools: ReadonlyMap<string, readonly Rendering[]>;
  readonly payers: ReadonlyMap<string, readonly Rendering[]>;
  /** Cues of assertion.yaml the generator never uses (no fact reads naturally with them). */
  readonly unusedCues: readonly string[];
  /** Every lexicon phrase that states a fact ({class} slots filled), for coverage reports. */
  readonly phrases: readonly string[];
  /** Phrases the lexicon marks `asserts: doubt`: they never state their value, so no case says them. */
  readonly doubtful: readonly string[];
  /** A yes/no fact's phrase negated with every cue that suits the fact (none if the phrase is not negatable). */
  readonly negate: (fact: string, phrase: string) => readonly Rendering[];
}

export const valueKey = (fact: string, value: FactValue) => `${fact}=${JSON.stringify(value)}`;

/** Builds the phrase book from intents/lexicon.yaml and intents/assertion.yaml. */
export function loadPhraseBook(corpus: Corpus): PhraseBook {
  const lexicon = loadYaml(projectPath('intents', 'lexicon.yaml'), LexiconFile);
  const cues = loadYaml(projectPath('intents', 'assertion.yaml'), AssertionFile);
  const methods = loadYaml(projectPath('intents', 'igrt-methods.yaml'), MethodFile);
  return buildPhraseBook(corpus, lexicon, cues, new Set(Object.values(methods.methods).flat()));
}

/**
 * `methodNames`: phrases that also name an IGRT method ("calypso") say a method besides their
 * value, a second one beside the cases' "daily CBCT", so no case says them.
 */
export function buildPhraseBook(
  corpus: Corpus,
  lexicon: LexiconFile,
  cues: AssertionCues,
  methodNames: ReadonlySet<string> = new Set(),
): PhraseBook {
  const pools = new Map<string, Rendering[]>();
  const payers = new Map<string, Rendering[]>();
  const add = (key: string, r: Rendering) => pools.set(key, [...(pools.get(key) ?? []), r]);
  const entries = Object.values(lexicon.groups).flat();
  const used = new Set<string>();
  const negation = new Negation(cues);
  const negatable = new Map<string, string>();

  const doubtful: string[] = [];
  const proximity = (fact: string) => {
    const wanted = PROXIMITY_CUES[fact];
    return cues.proximity.filter((c) => !wanted || wanted.includes(c));
  };
  for (const entry of entries) {
    const match = entry.match.flatMap((p) => fillClasses(p, lexicon.classes)).filter((p) => !methodNames.has(p));
    const payer = entry.set.payer;
    if (typeof payer === 'string') {
      payers.set(payer, [...(payers.get(payer) ?? []), ...match.map((p) => phraseRendering(p, entry.set))]);
      continue;
    }
    // A platform whose modality follows the site (CyberKnife) says no one value in every case.
    if (entry.bySite) continue;
    // A phrase that suggests another fact ("IMRT pending": approved?) is no plain way of saying its value.
    if (entry.hints) continue;
    // "srt", a bone named alone: the lexicon says they never settle their value on their own.
    if (entry.asserts === 'doubt') {
      doubtful.push(...match);
      continue;
    }
    // Every phrase says every setting of its entry; the generator checks the extras fit the case.
    // What it states unless told otherwise (yields) counts as said too, so it is used only where
    // that fits the case as well.
    // A phrase that asserts only near a proximity cue ("prior RT", "cord") is said with one.
    const says = entry.yields ? { ...entry.yields, ...entry.set } : entry.set;
    for (const [fact, value] of Object.entries(entry.set)) {
      const near = proximity(fact);
      match.forEach((p, i) => {
        const r =
          entry.asserts === 'near' && near.length > 0 ? nearRendering(near[i % near.length] as string, p, says) : undefined;
        if (r?.cue) used.add(r.cue);
        add(valueKey(fact, value), r ?? phraseRendering(p, says));
      });
    }
    // What an organ-named diagnosis says under a proximity cue ("near the kidney": an organ at risk).
    for (const [fact, value] of Object.entries(entry.near ?? {})) {
      const near = proximity(fact);
      match.forEach((p, i) => {
        if (near.length === 0) return;
        const r = nearRendering(near[i % near.length] as string, p, entry.near ?? {});
        used.add(r.cue as string);
        add(valueKey(fact, value), r);
      });
    }
    // An explicit negated reading ("not curative" → palliative) is the lexicon's own data.
    const negated = Object.entries(entry.negated ?? {});
    if (negated.length === 1 && cues.pre.includes('not')) {
      const [fact, value] = negated[0] as [string, FactValue];
      for (const p of match) add(valueKey(fact, value), cueRendering('pre', 'not', p, { [fact]: value }));
      used.add('not');
    }
    const booleans = Object.entries(entry.set).filter(([, v]) => typeof v === 'boolean');
    const [only] = booleans;
    if (booleans.length !== 1 || entry.negated || !only || only[1] !== true) continue;
    const fact = only[0];
    const phrases = match.filter((p) => negation.negatable(fact, p));
    const all = negation.cuesFor(fact);
    // Each phrase with a cue, and each cue with a phrase: max(|phrases|, |cues|) renderings.
    const n = phrases.length === 0 || all.length === 0 ? 0 : Math.max(phrases.length, all.length);
    for (let i = 0; i < n; i++) {
      const r = negation.render(fact, phrases[i % phrases.length] as string, all[i % all.length] as Cue);
      if (r.cue) used.add(r.cue);
      add(valueKey(fact, false), r);
      negatable.set(r.phrase, fact);
    }
  }
  for (const [fact, def] of Object.entries(corpus.facts)) {
    if (fact === 'modifier' && def.kind === 'enum') {
      add(valueKey(fact, 'professional'), codeRendering('77387-26', { modifier: 'professional', codes: ['77387'] }));
      add(valueKey(fact, 'tc'), codeRendering('77387-TC', { modifier: 'tc', codes: ['77387'] }));
    }
  }
  const phrases = [
    ...new Set(
      entries
        .filter((e) => e.set.payer === undefined && e.asserts !== 'doubt')
        .flatMap((e) => e.match.flatMap((p) => fillClasses(p, lexicon.classes))),
    ),
  ];
  const unusedCues = [...new Set([...cues.pre, ...cues.post, ...cues.proximity])].filter((c) => !used.has(c));
  const negate = (fact: string, phrase: string) =>
    negatable.get(phrase) === fact ? negation.cuesFor(fact).map((cue) => negation.render(fact, phrase, cue)) : [];
  return { pools, payers, unusedCues, phrases, doubtful, negate };
}

/**
 * A phrase with {class} slots filled: one filling per member of its largest class, the other
 * slots cycling, so every member is said once without the full product ("{bone} {metastasis}"
 * is 55 phrases, not 440).
 */
function fillClasses(phrase: string, classes: Readonly<Record<string, readonly string[]>>): string[] {
  const slots = [...phrase.matchAll(/\{([a-z_]+)\}/g)].map((m) => classes[m[1] as string] ?? []);
  if (slots.length === 0) return [phrase];
  const n = Math.max(...slots.map((members) => members.length));
  return Array.from({ length: n }, (_, i) => {
    let k = 0;
    return phrase.replace(/\{([a-z_]+)\}/g, () => {
      const members = slots[k++] ?? [];
      return members[i % members.length] ?? '';
    });
  });
}

function nearRendering(cue: string, phrase: string, sets: Record<string, FactValue>): Rendering {
  return { text: POST_PROXIMITY.has(cue) ? `${phrase} ${cue}` : `${cue} ${phrase}`, sets, phrase, cue, form: 'near' };
}

type Cue = readonly ['pre' | 'post', string];

/** The negation cues of assertion.yaml that read naturally with each fact, and how a phrase takes them. */
class Negation {
  constructor(private readonly cues: AssertionCues) {}

  cuesFor(fact: string): Cue[] {
    const kinds = CUE_KINDS[fact] ?? [];
    return [
      ...kinds.flatMap((k) => PRE_CUES[k].filter((c) => this.cues.pre.includes(c)).map((c): Cue => ['pre', c])),
      ...kinds.flatMap((k) => POST_CUES[k].filter((c) => this.cues.post.includes(c)).map((c): Cue => ['post', c])),
    ];
  }

  negatable(fact: string, phrase: string): boolean {
    return !TRAILING_NEARNESS.test(phrase) && (NEGATABLE[fact]?.test(phrase) ?? true);
  }

  render(fact: string, phrase: string, [form, cue]: Cue): Rendering {
    // "far from near the cord", "near the cord not near": a nearness phrase takes a plain
    // "not" before it, or a field-value cue after it ("near prior field: no").
    const plain = NEARNESS_PHRASE.test(phrase) && (form === 'pre' || !COLON_CUES.has(cue));
    return plain ? cueRendering('pre', 'not', phrase, { [fact]: false }) : cueRendering(form, cue, phrase, { [fact]: false });
  }
}

function phraseRendering(phrase: string, sets: Record<string, FactValue>): Rendering {
  return { text: phrase, sets, phrase, form: 'phrase' };
}

function cueRendering(form: 'pre' | 'post', cue: string, phrase: string, sets: Record<string, FactValue>): Rendering {
  const text = form === 'pre' ? `${cue} ${phrase}` : COLON_CUES.has(cue) ? `${phrase}: ${cue}` : `${phrase} ${cue}`;
  return { text, sets, phrase, cue, form };
}

/** Codes are not lexicon phrases: a codes fact is said by writing its codes. */
export function codeRendering(text: string, sets: Record<string, FactValue>): Rendering {
  return { text, sets, phrase: text, form: 'code' };
}
