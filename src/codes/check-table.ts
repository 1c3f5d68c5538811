import { DataError } from '../data/load-yaml.js';
import type { Corpus } from '../policy/corpus.js';
import type { CodeFile, LineMatch, Source } from './schema.js';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Cross-checks a parsed code file against the corpus; throws DataError naming the path of the first problem. */
export function checkTable(file: string, table: CodeFile, corpus: Corpus): void {
  const fail = (path: string, reason: string): never => {
    throw new DataError(file, `${path}: ${reason}`);
  };
  const section = (path: string, policy: string, id: string) => {
    const text = corpus.policies.get(policy)?.sections.get(id)?.text;
    return text ?? fail(path, `no section ${policy}:${id}`);
  };
  // Sections are cited many times over: each is normalised once.
  const normalised = new Map<string, string>();
  const sectionText = (path: string, policy: string, id: string) => {
    const key = `${policy}\u0000${id}`;
    let text = normalised.get(key);
    if (text === undefined) {
      text = normalise(section(path, policy, id));
      normalised.set(key, text);
    }
    return text;
  };
  const source = (path: string, s: Source) => {
    if ('ref' in s) {
      if (!table.sources[s.ref]) fail(`${path}.ref`, `no source "${s.ref}" under sources`);
    } else if (!sectionText(path, s.policy, s.section).includes(normalise(s.quote))) {
      fail(`${path}.quote`, `not verbatim text of ${s.policy}:${s.section}`);
    }
  };
  const code = (path: string, c: string) => {
    if (!table.codes[c]) fail(path, `no code "${c}" under codes`);
  };
  const match = (path: string, m: LineMatch) => {
    if (!m.codes && !m.kind) fail(path, 'a rule side needs codes or kind');
    for (const [i, c] of (m.codes ?? []).entries()) code(`${path}.codes[${i}]`, c);
  };
  const modalities = corpus.facts.modality?.kind === 'enum' ? Object.keys(corpus.facts.modality.values) : [];

  // A valid line with no statement of its own cites the code set itself.
  if (!table.sources.cpt) fail('sources.cpt', 'the code-set source "cpt" is required');
  for (const [payer, id] of Object.entries(table.silence)) section(`silence.${payer}`, payer, id);
  // Every payer needs a section to cite when its policy says nothing about a code.
  for (const payer of corpus.policies.keys()) if (!table.silence[payer]) fail(`silence.${payer}`, 'missing for a loaded policy');
  const implies = (at: string, settings: Record<string, string | boolean>) => {
    for (const [fact, value] of Object.entries(settings)) {
      const def = corpus.facts[fact];
      const ok = def?.kind === 'boolean' ? typeof value === 'boolean' : def?.kind === 'enum' && String(value) in def.values;
      if (!ok) fail(`${at}.implies.${fact}`, `"${String(value)}" is not a value of a fact "${fact}" in facts.yaml`);
    }
  };
  for (const [kind, def] of Object.entries(table.kinds)) implies(`kinds.${kind}`, def.implies);
  for (const [c, entry] of Object.entries(table.codes)) {
    const at = `codes.${c}`;
    if (!table.kinds[entry.kind]) fail(`${at}.kind`, `no kind "${entry.kind}" under kinds`);
    implies(at, entry.implies);
    if (entry.settings.source) source(`${at}.settings.source`, entry.settings.source);
    if (entry.validFrom) source(`${at}.validFrom.source`, entry.validFrom.source);
    if (entry.validTo) source(`${at}.validTo.source`, entry.validTo.source);
    for (const key of ['replaces', 'replacedBy'] as const) {
      for (const [i, link] of entry[key].entries()) {
        source(`${at}.${key}[${i}].source`, link.source);
        for (const [j, other] of link.codes.entries()) code(`${at}.${key}[${i}].codes[${j}]`, other);
      }
    }
    for (const [i, statement] of entry.statements.entries()) {
      source(`${at}.statements[${i}].source`, statement.source);
      // A policy's statement stays the policy's; a later change belongs under `changes`, so answers show both.
      if ('policy' in statement.source && statement.until)
        fail(`${at}.statements[${i}].until`, 'a policy statement does not expire; record the change under changes');
    }
  }
  for (const [i, change] of table.changes.entries()) {
    if (!table.sources[change.source]) fail(`changes[${i}].source`, `no source "${change.source}" under sources`);
    for (const [j, c] of change.codes.entries()) code(`changes[${i}].codes[${j}]`, c);
  }
  const rules = [
    ...table.lines.map((r, i) => ({ path: `lines[${i}]`, rule: r, sides: { line: r.line } })),
    ...table.pairs.map((r, i) => ({ path: `pairs[${i}]`, rule: r, sides: { a: r.a, b: r.b } })),
  ];
  for (const { path, rule, sides } of rules) {
    for (const [side, m] of Object.entries(sides)) match(`${path}.${side}`, m);
    for (const [payer, cite] of Object.entries(rule.cite)) source(`${path}.cite.${payer}`, { policy: payer, ...cite });
    if (rule.source) source(`${path}.source`, rule.source);
    if (!rule.source && Object.keys(rule.cite).length === 0) fail(path, 'a rule needs cite (a payer quote) or source');
    for (const [j, m] of (rule.modality ?? []).entries()) {
      if (!modalities.includes(m)) fail(`${path}.modality[${j}]`, `no modality "${m}" in facts.yaml`);
    }
  }
}
