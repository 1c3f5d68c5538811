import { type CodeTable, loadCodeTable } from '../codes/table.js';
import { loadAssertionCues } from '../nlu/cues.js';
import { loadIntents } from '../nlu/intents.js';
import { loadLexicon } from '../nlu/lexicon.js';
import type { NluModel } from '../nlu/parse.js';
import { type Corpus, loadCorpus } from '../policy/corpus.js';
import { type Passage, splitPassages } from '../retrieve/passages.js';
import { PassageIndex } from '../retrieve/search.js';

/** Everything the answer pipeline loads once: the corpus, the language data and the passage index. */
export interface Pipeline extends NluModel {
  readonly corpus: Corpus;
  readonly passages: readonly Passage[];
  readonly index: PassageIndex;
  readonly codes: CodeTable;
}

/** Loads and validates all data; throws DataError (file, path, reason) on a bad file. */
export function loadPipeline(dirs: { corpus?: string } = {}): Pipeline {
  const corpus = loadCorpus(dirs.corpus);
  const passages = splitPassages(corpus);
  return {
    corpus,
    lexicon: loadLexicon(corpus),
    cues: loadAssertionCues(),
    intents: loadIntents(),
    passages,
    index: new PassageIndex(passages),
    codes: loadCodeTable(corpus),
  };
}

let shared: Pipeline | undefined;

/** The process-wide pipeline over the embedded data, loaded on first use. */
export function defaultPipeline(): Pipeline {
  shared ??= loadPipeline();
  return shared;
}
