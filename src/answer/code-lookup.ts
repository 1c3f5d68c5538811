import { lookupCode, sourceLabel } from '../codes/index.js';
import type { CodeEntry, Link, Source } from '../codes/schema.js';
import type { Finding } from '../contract/answer.js';
import { valueLabel } from '../policy/facts.js';
import { changeLine } from '../render/text.js';
import type { Pipeline } from './pipeline.js';

/** Answers "what is / what replaced / what does X replace" from the code table, on a date of service. */
export function codeLookup(
  pipeline: Pipeline,
  codes: readonly string[],
  date: string,
  choice = false,
): { findings: Finding[]; lines: string[] } {
  const findings: Finding[] = [];
  const lines: string[] = [];
  if (choice && codes.length >= 2) lines.push(choiceLine(pipeline, codes, date));
  for (const code of codes) {
    const status = lookupCode(pipeline.codes, code, date);
    const { entry } = status;
    if (!entry) {
      lines.push(
        '',
        `${code}: I don’t know this code — neither the policies here nor my code table mention it. Check the code set.`,
      );
      continue;
    }
    const source = (s: Source) => sourceLabel(pipeline.codes, s);
    const link = (l: Link) =>
      `${l.codes.join('/')} from ${l.from}${l.setting ? ` in the ${valueLabel(pipeline.corpus.facts, 'setting', l.setting)} setting` : ''} (${source(l.source)})`;
    const block = [`${code} — ${entry.description}`];
    const validity =
      status.state === 'deleted'
        ? `Not reportable on ${date}: last valid ${entry.validTo?.date}.`
        : status.state === 'not_yet_valid'
          ? `Not yet valid on ${date}: valid from ${entry.validFrom?.date}.`
          : status.state === 'replaced'
            ? `Replaced on ${date}.`
            : `Reportable on ${date}${entry.validFrom ? ` (valid from ${entry.validFrom.date})` : ''}.`;
    block.push(validity);
    if (status.replaces.length > 0) block.push(`Replaced: ${status.replaces.map(link).join('; ')}.`);
    if (entry.replacedBy.length > 0) block.push(`Replaced by: ${entry.replacedBy.map(link).join('; ')}.`);
    if (status.useInstead.length > 0) block.push(`On ${date} that means: ${status.useInstead.join(' or ')}.`);
    for (const statement of status.statements) block.push(`• ${statement.text} (${source(statement.source)})`);
    block.push(...status.changes.map(changeLine));
    lines.push('', ...block);
    const grounded = [
      ...status.statements.map((s) => s.source),
      ...entry.replacedBy.map((l) => l.source),
      ...status.replaces.map((l) => l.source),
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
        notes: block.slice(2, block.length - status.changes.length),
        changes: [...status.changes],
        subject: code,
        trace: [],
      });
    }
  }
  return { findings, lines };
}

/**
 * Answers "which code for CBCT?": the codes the code table says report each named method
 * (`methods` in policy-corpus/codes.yaml), those reportable on the date of service first, with
 * their settings, then the codes that did before; the reportable ones are looked up in full.
 */
export function methodLookup(
  pipeline: Pipeline,
  methods: readonly string[],
  date: string,
): { findings: Finding[]; lines: string[] } {
  const lines: string[] = [];
  const reportable = new Set<string>();
  for (const method of methods) {
    const codes = Object.entries(pipeline.codes.codes).filter(
      ([, entry]) => entry.methods.includes(method) || entry.methods.includes('any'),
    );
    const active = codes.filter(([code]) => lookupCode(pipeline.codes, code, date).state === 'active');
    const before = codes.filter(([code]) => !active.some(([c]) => c === code));
    const ended = (entry: CodeEntry) =>
      entry.validTo
        ? `until ${entry.validTo.date}`
        : `replaced by ${entry.replacedBy.map((l) => `${l.codes.join('/')} from ${l.from}`).join(', ')}`;
    const settings = (entry: CodeEntry) =>
      entry.settings.in.includes('any')
        ? 'any setting'
        : entry.settings.in.map((s) => valueLabel(pipeline.corpus.facts, 'setting', s)).join(' or ');
    const name = pipeline.methods.names.get(method) ?? method;
    lines.push(
      active.length > 0
        ? `“${name}” guidance on ${date}: ${active.map(([code, entry]) => `${code} (${settings(entry)})`).join('; ')}.`
        : `“${name}” guidance: no code in my table is reportable on ${date}.`,
    );
    if (before.length > 0)
      lines.push(
        `Other codes for it: ${before.map(([code, entry]) => `${code} (${settings(entry)}, ${ended(entry)})`).join('; ')}.`,
      );
    for (const [code] of active) reportable.add(code);
  }
  const detail = codeLookup(pipeline, [...reportable], date);
  return { findings: detail.findings, lines: [...lines, ...detail.lines] };
}

/** For "77421 or G6002?": which of the named codes can be reported on the date. */
function choiceLine(pipeline: Pipeline, codes: readonly string[], date: string): string {
  const reportable = codes.filter((code) => {
    const status = lookupCode(pipeline.codes, code, date);
    return status.entry !== undefined && status.state === 'active';
  });
  const others = codes.filter((code) => !reportable.includes(code));
  if (reportable.length === 0) return `Of ${codes.join(' and ')}, none is reportable on ${date}; see the replacements below.`;
  if (others.length === 0)
    return `${codes.join(' and ')} are all reportable on ${date}; which one applies depends on the setting and the method (below).`;
  return `Of ${codes.join(' and ')}, report ${reportable.join(' or ')} on ${date}; ${others.join(' and ')} ${others.length > 1 ? 'are' : 'is'} not reportable then.`;
}
