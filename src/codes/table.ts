import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import type { Corpus } from '../policy/corpus.js';
import { CodeFile, type Source } from './schema.js';

/** The loaded code table, its sources and the code-set changes after the policies were written. */
export type CodeTable = CodeFile;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Loads policy-corpus/codes.yaml; policy quotes must be verbatim and sources and codes must exist. */
export function loadCodeTable(corpus: Corpus, file = projectPath('policy-corpus', 'codes.yaml')): CodeTable {
  const table = loadYaml(file, CodeFile);
  const check = (path: string, source: Source) => {
    if ('ref' in source) {
      if (!table.sources[source.ref]) throw new DataError(file, `${path}.source: no source "${source.ref}"`);
      return;
    }
    const text = corpus.policies.get(source.policy)?.sections.get(source.section)?.text;
    if (text === undefined) throw new DataError(file, `${path}.source: no section ${source.policy}:${source.section}`);
    if (!normalise(text).includes(normalise(source.quote)))
      throw new DataError(file, `${path}.source.quote: not verbatim text of ${source.policy}:${source.section}`);
  };
  for (const [code, entry] of Object.entries(table.codes)) {
    for (const [i, link] of [...entry.replaces, ...entry.replacedBy].entries()) check(`codes.${code}.links[${i}]`, link.source);
    for (const [i, statement] of entry.statements.entries()) check(`codes.${code}.statements[${i}]`, statement.source);
  }
  for (const [i, pair] of table.pairs.entries()) {
    for (const [policy, cite] of Object.entries(pair.cite)) check(`pairs[${i}].cite.${policy}`, { policy, ...cite });
  }
  for (const [i, change] of table.changes.entries()) {
    if (!table.sources[change.source]) throw new DataError(file, `changes[${i}].source: no source "${change.source}"`);
  }
  return table;
}

/** A source as a reader sees it: the policy and section, or the publication's title. */
export function sourceLabel(table: CodeTable, corpus: Corpus, source: Source): string {
  if ('ref' in source) return table.sources[source.ref]?.title ?? source.ref;
  return `${corpus.policies.get(source.policy)?.doc.payer ?? source.policy} policy ${source.section}`;
}
