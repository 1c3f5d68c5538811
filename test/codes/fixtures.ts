import { loadCodeTable } from '../../src/codes/table.js';
import { loadCorpus } from '../../src/policy/corpus.js';

/** The corpus and code table, loaded once per test file. */
export const corpus = loadCorpus();
export const table = loadCodeTable(corpus);

export const D2025 = '2025-03-04';
export const D2026 = '2026-03-04';
