import type { Pipeline } from './pipeline.js';
import type { Finding } from './schema.js';

/** Answers "what is / what replaced" a code from what the policies say about it. */
export function codeLookup(pipeline: Pipeline, codes: readonly string[]): { findings: Finding[]; lines: string[] } {
  const findings: Finding[] = [];
  const lines: string[] = [];
  for (const code of codes) {
    const passages = pipeline.passages.filter((p) => p.text.includes(code));
    if (passages.length === 0) {
      lines.push(`${code}: neither policy mentions this code.`);
      continue;
    }
    for (const passage of passages) {
      lines.push(`${code} — ${pipeline.corpus.policies.get(passage.policyId)?.doc.payer} ${passage.section}: “${passage.text}”`);
    }
    const first = passages[0];
    if (first && !findings.some((f) => f.payer === first.policyId)) {
      findings.push({
        payer: first.policyId,
        determination: 'info',
        missing: [],
        ruleId: `${first.policyId}.code.${code}`,
        citation: { policyId: first.policyId, section: first.section, excerpt: first.text },
        reason: `What the policy says about ${code}.`,
        assumed: [],
        notes: [],
        trace: [],
      });
    }
  }
  return { findings, lines };
}
