import { loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { Corpus } from '../policy/corpus.js';
import { checkTable } from './check-table.js';
import { CodeFile } from './schema.js';

/** The loaded code table with the corpus its policy quotes were checked against. */
export type CodeTable = CodeFile & { readonly corpus: Corpus };

/** Loads policy-corpus/codes.yaml; throws DataError (file, path, reason) on a schema error, a non-verbatim quote or a dangling reference. */
export function loadCodeTable(corpus: Corpus, file = projectPath('policy-corpus', 'codes.yaml')): CodeTable {
  const data = loadYaml(file, CodeFile);
  checkTable(file, data, corpus);
  return { ...data, corpus };
}
