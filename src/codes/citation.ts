import type { Citation } from '../contract/answer.js';
import type { Source } from './schema.js';
import type { CodeTable } from './table.js';

/** The marker that opens an excerpt which is not policy text, so no reader takes it for the policy's words. */
export const EXTERNAL_MARKER = '[External source, not policy text]';

/** A source as a Finding citation: the verbatim quote for a policy, the marked title for a public source. */
export function citationOf(table: CodeTable, source: Source): Citation {
  if ('policy' in source) return { policyId: source.policy, section: source.section, excerpt: source.quote };
  return { policyId: source.ref, section: 'external source', excerpt: `${EXTERNAL_MARKER} ${sourceTitle(table, source.ref)}` };
}

/** What to cite when a payer's policy is silent on a question: its coding section, whole and verbatim. */
export function silentCitation(table: CodeTable, payer: string): Citation {
  const section = table.silence[payer] ?? '';
  const excerpt = table.corpus.policies.get(payer)?.sections.get(section)?.text ?? '';
  return { policyId: payer, section, excerpt };
}

/** A source as a reader sees it: payer, policy and section, or the publication's title. */
export function sourceLabel(table: CodeTable, source: Source): string {
  if ('ref' in source) return sourceTitle(table, source.ref);
  return `${payerName(table, source.policy)} policy ${source.section}`;
}

/** A payer's display name from its policy document. */
export function payerName(table: CodeTable, payer: string): string {
  return table.corpus.policies.get(payer)?.doc.payer ?? payer;
}

const sourceTitle = (table: CodeTable, ref: string) => table.sources[ref]?.title ?? ref;
