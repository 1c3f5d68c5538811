import { EXTERNAL_MARKER } from '../codes/citation.js';
import {
  type Answer,
  CASE_INTENTS,
  type ClaimView,
  type Confirm,
  type Conflict,
  type DateUsed,
  type Finding,
  type Understood,
} from '../contract/answer.js';
import type { Corpus } from '../policy/corpus.js';
import { claimTable } from './claim-table.js';
import { DETERMINATION_WORDS } from './words.js';

/** The mark that sets a code-set change apart from what the policy itself says. */
export const CHANGE_MARK = '⚠️';

export const DISCLAIMER = 'Policy guidance, not a coverage guarantee.';

/**
 * The plain-text answer, from its fields: notices, then the claim check, the case findings, or
 * (for help, policy and code answers) the composed body, which is what `text` held until now.
 */
export function renderText(corpus: Corpus, answer: Answer): string {
  const parts = [...(answer.lead ?? []).map(changeLine), ...(answer.notices ?? [])];
  if (answer.carried?.length) parts.push(carriedLine(answer.carried));
  if (answer.claim) parts.push(claimText(corpus, answer, answer.claim));
  else if (CASE_INTENTS.has(answer.intent) && answer.findings.length > 0) parts.push(caseText(corpus, answer));
  else parts.push(...(answer.dateOfService ? [dateLine(answer.dateOfService)] : []), answer.text);
  if (answer.also?.length) parts.push('', 'You also asked:', ...answer.also);
  return parts.join('\n');
}

function caseText(corpus: Corpus, answer: Answer): string {
  const lines: string[] = [];
  if (answer.understood?.length) lines.push(understoodLine(answer.understood));
  lines.push(...(answer.conflicts ?? []).map(conflictLine));
  lines.push(...(answer.confirm ?? []).map(confirmLine));
  if (answer.dateOfService) lines.push(dateLine(answer.dateOfService));
  if (answer.intent === 'compare') lines.push(`Comparing ${answer.findings.length} payers:`);
  for (const finding of answer.findings) lines.push('', ...findingLines(corpus, finding));
  lines.push('', DISCLAIMER);
  return lines.join('\n');
}

function claimText(corpus: Corpus, answer: Answer, claim: ClaimView): string {
  return [
    claimTitle(corpus, claim),
    ...(answer.dateOfService ? [dateLine(answer.dateOfService)] : []),
    '',
    claimTable(claim.rows, (id) => payerName(corpus, id)),
    '',
    `Summary: ${answer.summary ?? ''}`,
    ...(answer.assumptions ?? []),
    ...(answer.changes ?? []).map(changeLine),
    DISCLAIMER,
  ].join('\n');
}

const AS: Readonly<Record<Understood['as'], (label: string) => string>> = {
  stated: (label) => label,
  ruled_out: (label) => `not ${label}`,
  what_if: (label) => `what if: ${label}`,
  unconfirmed: (label) => `${label} (unconfirmed)`,
};

/** "Understood: Acme Health Plan · IMRT · not prone · prostate cancer (unconfirmed)". */
export function understoodLine(understood: readonly Understood[]): string {
  return `Understood: ${understood.map((u) => AS[u.as](u.label)).join(' · ')}`;
}

/** "From earlier: <payer>, palliative" — what an answer took from earlier turns. */
export function carriedLine(carried: readonly string[]): string {
  return `From earlier: ${carried.join(', ')} (say “new case” to start afresh).`;
}

export function confirmLine(confirm: Confirm): string {
  return `Please confirm ${confirm.label}: ${confirm.why}`;
}

export function conflictLine(conflict: Conflict): string {
  return conflict.moot
    ? `You gave more than one ${conflict.label} (${conflict.values.join(' and ')}); the answer is the same for each.`
    : `You gave more than one ${conflict.label} (${conflict.values.join(' and ')}); which is it?`;
}

/** Which date an answer is stated for, and why. */
export function dateLine(used: DateUsed): string {
  if (used.year !== undefined) {
    return `Date of service: the year ${used.year}, from the question (“${used.written ?? used.year}”); stated for ${used.date}.`;
  }
  if (used.from === 'question') return `Date of service ${used.date}, from the question (“${used.written ?? used.date}”).`;
  if (used.from === 'earlier')
    return `Date of service ${used.date}, from earlier in this conversation (“${used.written ?? used.date}”).`;
  if (used.unreadable !== undefined) {
    return `I could not read “${used.unreadable}” as a date, so this is stated for today, ${used.date}; write the date of service as 2025-03-04 or March 4, 2025.`;
  }
  if (used.insteadOf !== undefined) {
    return `Date of service: no date given, and today (${used.insteadOf}) a code named can no longer be reported, so this is checked for ${used.date}, the last day every code named was valid; give the date of service for a definite answer.`;
  }
  return `Date of service: no date given, so today, ${used.date}.`;
}

export function changeLine(change: string): string {
  return `${CHANGE_MARK} ${change}`;
}

/** "Claim check — Acme Health Plan and Beta Care, setting not given". */
export function claimTitle(corpus: Corpus, claim: ClaimView): string {
  const payers = claim.payers.map((p) => payerName(corpus, p)).join(' and ');
  return `Claim check — ${payers}, ${claim.setting ?? 'setting not given'}`;
}

export function payerName(corpus: Corpus, payer: string): string {
  return corpus.policies.get(payer)?.doc.payer ?? payer;
}

/** A policy's heading line: payer, title, number and effective date. */
export function policyHeading(corpus: Corpus, policyId: string): string {
  const doc = corpus.policies.get(policyId)?.doc;
  if (!doc) return policyId;
  const number = doc.policyNumber ? `, Medical Policy ${doc.policyNumber}` : '';
  const effective = doc.dates.effective ? `, effective ${doc.dates.effective}` : ', no effective date stated';
  return `${doc.payer} — “${doc.title}”${number}${effective}`;
}

/** Where a finding's grounds are quoted from: the policy's section, or a marked public source (a code-set change). */
export function citationLine(finding: Finding): string {
  const { section, excerpt } = finding.citation;
  return excerpt.startsWith(EXTERNAL_MARKER) ? `Source: ${excerpt}` : `Policy ${section}: “${excerpt}”`;
}

/** Plain-text lines for one finding, ready to paste into a note. */
export function findingLines(corpus: Corpus, finding: Finding): string[] {
  const { mark, words } = DETERMINATION_WORDS[finding.determination];
  const lines = [policyHeading(corpus, finding.payer), `${mark} ${words}.`];
  if (finding.patient) lines.push(`Patient: ${finding.patient}`);
  if (finding.subject) lines.push(`Claim: ${finding.subject}`);
  lines.push(`Why: ${finding.reason}`);
  if (finding.determination === 'needs_info') {
    for (const fact of finding.missing) lines.push(`To answer, tell me: ${corpus.facts[fact]?.ask ?? fact}`);
  }
  if (finding.citation.excerpt) lines.push(citationLine(finding));
  for (const assumed of finding.assumed) lines.push(`Assumed: ${assumed}`);
  for (const note of finding.notes) lines.push(`Note: ${note}`);
  for (const change of finding.changes) lines.push(`Note: ${changeLine(change)}`);
  return lines;
}
