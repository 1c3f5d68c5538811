import type { Answer, Finding } from '../contract/answer.js';
import type { Corpus } from '../policy/corpus.js';
import { DETERMINATION_WORDS } from './words.js';

/** A policy's heading line: payer, title, number and effective date. */
export function policyHeading(corpus: Corpus, policyId: string): string {
  const doc = corpus.policies.get(policyId)?.doc;
  if (!doc) return policyId;
  const number = doc.policyNumber ? `, Medical Policy ${doc.policyNumber}` : '';
  const effective = doc.dates.effective ? `, effective ${doc.dates.effective}` : ', no effective date stated';
  return `${doc.payer} — “${doc.title}”${number}${effective}`;
}

/** Plain-text lines for one finding, ready to paste into a note. */
export function findingLines(corpus: Corpus, finding: Finding, ask?: (fact: string) => string): string[] {
  const { mark, words } = DETERMINATION_WORDS[finding.determination];
  const lines = [policyHeading(corpus, finding.citation.policyId), `${mark} ${words}.`];
  if (finding.subject) lines.push(`Claim: ${finding.subject}`);
  lines.push(`Why: ${finding.reason}`);
  if (finding.determination === 'needs_info' && ask) {
    for (const fact of finding.missing) lines.push(`To answer, tell me: ${ask(fact)}`);
  }
  if (finding.citation.excerpt) lines.push(`Policy ${finding.citation.section}: “${finding.citation.excerpt}”`);
  for (const assumed of finding.assumed) lines.push(`Assumed: ${assumed}`);
  for (const note of finding.notes) lines.push(`Note: ${note}`);
  return lines;
}

/** The plain-text rendering of a whole answer (what the command line prints). */
export function renderText(answer: Answer): string {
  return answer.text;
}
