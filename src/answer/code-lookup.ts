import { changeNotes } from '../codes/changes.js';
import { codeStatus } from '../codes/lookup.js';
import type { Link, Source } from '../codes/schema.js';
import { sourceLabel } from '../codes/table.js';
import type { Pipeline } from './pipeline.js';
import type { Finding } from './schema.js';

const SETTING_WORDS: Record<string, string> = {
  hospital_outpatient: 'hospital outpatient (HOPPS)',
  office_freestanding: 'physician office / freestanding (MPFS)',
};

/** Answers "what is / what replaced / what does X replace" from the code table, on a date of service. */
export function codeLookup(pipeline: Pipeline, codes: readonly string[], date: string): { findings: Finding[]; lines: string[] } {
  const findings: Finding[] = [];
  const lines: string[] = [`Stated for date of service ${date}.`];
  for (const code of codes) {
    const status = codeStatus(pipeline.codes, code, date);
    const { entry } = status;
    if (!entry) {
      lines.push('', `${code}: I don’t know this code — neither policy nor my code table mentions it. Check the code set.`);
      continue;
    }
    const source = (s: Source) => sourceLabel(pipeline.codes, pipeline.corpus, s);
    const link = (l: Link) =>
      `${l.codes.join('/')} from ${l.from}${l.setting ? ` in the ${SETTING_WORDS[l.setting]} setting` : ''} (${source(l.source)})`;
    const block = [`${code} — ${entry.description}`];
    const validity =
      status.state === 'deleted'
        ? `Not reportable on ${date}: last valid ${entry.validTo}.`
        : status.state === 'not_yet_valid'
          ? `Not yet valid on ${date}: valid from ${entry.validFrom}.`
          : `Reportable on ${date}${entry.validFrom ? ` (valid from ${entry.validFrom})` : ''}.`;
    block.push(validity);
    if (status.replaced.length > 0) block.push(`Replaced: ${status.replaced.map(link).join('; ')}.`);
    if (entry.replacedBy.length > 0) block.push(`Replaced by: ${entry.replacedBy.map(link).join('; ')}.`);
    const today = currentCodes(pipeline, code, date);
    if (status.state === 'deleted' && today.length > 0) block.push(`On ${date} that means: ${today.join(' or ')}.`);
    for (const statement of status.statements) block.push(`• ${statement.text} (${source(statement.source)})`);
    for (const note of changeNotes(pipeline.codes, pipeline.corpus, { codes: [code], sections: [], date })) block.push(note);
    lines.push('', ...block);
    const grounded = [
      ...status.statements.map((s) => s.source),
      ...entry.replacedBy.map((l) => l.source),
      ...status.replaced.map((l) => l.source),
    ].find((s) => 'policy' in s);
    if (grounded && 'policy' in grounded) {
      findings.push({
        payer: grounded.policy,
        determination: 'info',
        missing: [],
        ruleId: `code.${code}`,
        citation: { policyId: grounded.policy, section: grounded.section, excerpt: grounded.quote },
        reason: block.slice(0, 2).join(' '),
        assumed: [],
        notes: block.slice(2),
        subject: code,
        trace: [],
      });
    }
  }
  return { findings, lines };
}

/** Follows replacements to the codes valid on the date (76950 → G6001 → 77387 in 2026). */
export function currentCodes(pipeline: Pipeline, code: string, date: string, seen = new Set<string>()): string[] {
  if (seen.has(code)) return [];
  seen.add(code);
  const status = codeStatus(pipeline.codes, code, date);
  if (status.state === 'active') return [code];
  return [...new Set(status.useInstead.flatMap((l) => l.codes.flatMap((c) => currentCodes(pipeline, c, date, seen))))];
}
