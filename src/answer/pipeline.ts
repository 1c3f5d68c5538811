import { type CodeTable, loadCodeTable } from '../codes/table.js';
import { type CaseCues, loadCaseCues } from '../context/case-cues.js';
import { DataError } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { loadAssertionCues } from '../nlu/cues.js';
import { loadIcdTable } from '../nlu/icd10.js';
import { loadMethodTable, type MethodTable } from '../nlu/igrt-methods.js';
import { type InstructionModel, loadInstructions } from '../nlu/instructions.js';
import { loadIntents } from '../nlu/intents.js';
import { type Lexicon, loadLexicon } from '../nlu/lexicon.js';
import { phraseTokens } from '../nlu/normalise.js';
import type { NluModel } from '../nlu/parse.js';
import { loadReirradiation } from '../nlu/reirradiation.js';
import { type Corpus, loadCorpus } from '../policy/corpus.js';
import { type Passage, splitPassages } from '../retrieve/passages.js';
import { PassageIndex } from '../retrieve/search.js';

/** Everything the answer pipeline loads once: the corpus, the language data and the passage index. */
export interface Pipeline extends NluModel {
  readonly corpus: Corpus;
  readonly passages: readonly Passage[];
  readonly index: PassageIndex;
  /** How a turn relates to the case before it (intents/case-cues.yaml). */
  readonly caseCues: CaseCues;
  /** Text set aside before reading: instructions aimed at the bot, pasted machine output (intents/instructions.yaml). */
  readonly instructions: InstructionModel;
}

/** Where the data lives when not in the project's own `policy-corpus/` and `intents/` (tests, other deployments). */
export interface DataFiles {
  /** A folder with `facts.yaml`, `policies/` and `rules/`. */
  readonly corpus?: string;
  readonly codes?: string;
  readonly lexicon?: string;
  readonly intents?: string;
  /** Negation, hedge and what-if cues (intents/assertion.yaml). */
  readonly assertion?: string;
  /** New-case and same-case cues (intents/case-cues.yaml). */
  readonly caseCues?: string;
  /** ICD-10-CM codes → diagnoses (intents/icd10.yaml). */
  readonly icd10?: string;
  /** IGRT methods and devices (intents/igrt-methods.yaml). */
  readonly methods?: string;
  /** Composed re-irradiation readings (intents/reirradiation.yaml). */
  readonly reirradiation?: string;
  /** Instructions aimed at the bot and machine output, set aside (intents/instructions.yaml). */
  readonly instructions?: string;
}

/** Loads and validates all data; throws DataError (file, path, reason) on a bad file. */
export function loadPipeline(files: DataFiles = {}): Pipeline {
  const corpus = loadCorpus(files.corpus);
  // Passages and their index serve searches only (policy questions, excerpts): built on first
  // use, as most questions (a case, a code) never search and splitting every section was a
  // noticeable share of a one-question start.
  let passages: readonly Passage[] | undefined;
  let index: PassageIndex | undefined;
  const passagesOf = () => {
    passages ??= splitPassages(corpus);
    return passages;
  };
  const lexiconFile = files.lexicon ?? projectPath('intents', 'lexicon.yaml');
  const lexicon = loadLexicon(corpus, lexiconFile);
  checkReplies(lexiconFile, corpus, lexicon);
  const codes = files.codes ? loadCodeTable(corpus, files.codes) : loadCodeTable(corpus);
  const methods = files.methods ? loadMethodTable(files.methods) : loadMethodTable();
  checkCodeMethods(files.codes ?? projectPath('policy-corpus', 'codes.yaml'), codes, methods);
  return {
    corpus,
    lexicon,
    cues: files.assertion ? loadAssertionCues(files.assertion) : loadAssertionCues(),
    intents: files.intents ? loadIntents(files.intents) : loadIntents(),
    get passages() {
      return passagesOf();
    },
    get index() {
      index ??= new PassageIndex(passagesOf());
      return index;
    },
    codes,
    caseCues: files.caseCues ? loadCaseCues(corpus, files.caseCues) : loadCaseCues(corpus),
    icd: files.icd10 ? loadIcdTable(corpus, files.icd10) : loadIcdTable(corpus),
    methods,
    reirradiation: loadReirradiation(lexicon.classes, files.reirradiation),
    instructions: files.instructions ? loadInstructions(files.instructions) : loadInstructions(),
  };
}

/** A code's `methods` must be methods of intents/igrt-methods.yaml, or "which code for …" would miss it. */
function checkCodeMethods(file: string, codes: CodeTable, methods: MethodTable): void {
  for (const [code, entry] of Object.entries(codes.codes))
    for (const method of entry.methods)
      if (method !== 'any' && !methods.names.has(method))
        throw new DataError(file, `codes.${code}.methods: no IGRT method "${method}" in intents/igrt-methods.yaml`);
}

/** Each policy's one-click reply must name its payer in the lexicon, or the follow-up button would not round-trip. */
function checkReplies(file: string, corpus: Corpus, lexicon: Lexicon): void {
  for (const { doc } of corpus.policies.values()) {
    const tokens = phraseTokens(doc.reply);
    const named = (lexicon.byFirstToken.get(tokens[0] ?? '') ?? []).some(
      (p) => p.tokens.join(' ') === tokens.join(' ') && p.entry.set.payer === doc.id,
    );
    if (!named) throw new DataError(file, `groups: no phrase "${doc.reply}" naming payer "${doc.id}" (its policy's reply)`);
  }
}

let shared: Pipeline | undefined;

/** The process-wide pipeline over the embedded data, loaded on first use. */
export function defaultPipeline(): Pipeline {
  shared ??= loadPipeline();
  return shared;
}
