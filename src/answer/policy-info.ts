import type { Finding } from '../contract/answer.js';
import type { Pipeline } from './pipeline.js';

/** What a policy-information question asks about. */
type Topic = 'dates' | 'number' | 'population' | 'plans' | 'title' | 'indications' | 'search';

const TOPICS: readonly [Topic, RegExp][] = [
  // The member's contract against the policy is a passage of its own, whatever plan words come with it.
  ['search', /\bcontracts?\b/],
  [
    'indications',
    /\b(cases|conditions|diagnos[ei]s|indications|circumstances|situations|scenarios|sites|cancers|criteria|qualify|qualifies|when (?:is|are) (?:igrt|image[- ]guid\w*|it))\b/,
  ],
  // "when" asks for a date only as a question ("when was it reviewed"), not as a condition ("when they disagree").
  ['dates', /\b(effective|date|review|published|original|when (?:was|did|were|is|does)|current|version|updated)\b/],
  // "Novitas LCD number?" asks about the Medicare determinations, not the policy's own number.
  ['plans', /\b(ncd|lcd|novitas|national coverage|local coverage)\b/],
  ['number', /\b(number|no\.?|id|section)\b|#/],
  ['population', /\b(who|whom|apply|applies|scope|population|pediatric|adult|children|members|clients|eligible|age limits?)\b/],
  ['plans', /\b(medicare|medicaid|familycare|fide|snp|ncd|lcd|novitas|plans?|lines? of business)\b/],
  ['title', /\b(title|name|called)\b/],
];

/** Answers a policy_info question from the corpus: one `info` finding per payer (`not_addressed` when it never mentions the topic), with the facts in words. */
export function policyInfo(
  pipeline: Pipeline,
  payers: readonly string[],
  question: string,
): { findings: Finding[]; lines: string[] } {
  const text = question.toLowerCase();
  const topic = TOPICS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'search';
  const findings: Finding[] = [];
  const lines: string[] = [];
  for (const payer of payers) {
    const policy = pipeline.corpus.policies.get(payer);
    if (!policy) continue;
    const { doc } = policy;
    // A free-text question about something the policy never mentions ("prior auth") is one
    // the policy is silent on; the nearest passages are still shown.
    const missing = topic === 'search' ? pipeline.index.unmatched(question, { policyId: payer }) : [];
    const [line, section, excerpt] = describe(pipeline, payer, topic, question, missing);
    findings.push({
      payer,
      determination: missing.length > 0 ? 'not_addressed' : 'info',
      missing: [],
      ruleId: `${payer}.info.${topic}`,
      citation: { policyId: doc.id, section, excerpt },
      reason: line,
      assumed: [],
      notes: [],
      changes: [],
      trace: [],
    });
    lines.push(line);
  }
  return { findings, lines };
}

function describe(
  pipeline: Pipeline,
  payer: string,
  topic: Topic,
  question: string,
  missing: readonly string[],
): [string, string, string] {
  const [line, section] = describeTopic(pipeline, payer, topic, question);
  if (topic === 'search') {
    const hits = pipeline.index.search(question, { policyId: payer }, 3);
    const best = hits[0];
    if (!best) return [line, section, ''];
    // Neighbouring passages that match nearly as well are part of the same answer.
    const shown = hits.filter((h) => h.score >= best.score * 0.6);
    const quoted = shown.map((h) => `  • ${h.passage.section}: “${h.passage.text}”`).join('\n');
    const payerName = pipeline.corpus.policies.get(payer)?.doc.payer;
    // "Prior auth" is in neither policy: say so before the nearest passages, not instead of them.
    const silent =
      missing.length > 0
        ? `${payerName}'s policy does not mention ${missing.map((w) => `“${w}”`).join(', ')}. The nearest passages:\n`
        : `${payerName} says:\n`;
    return [`${silent}${quoted}`, best.passage.section, best.passage.text];
  }
  return [line, section, pipeline.corpus.policies.get(payer)?.sections.get(section)?.text ?? ''];
}

function describeTopic(pipeline: Pipeline, payer: string, topic: Topic, question: string): [string, string] {
  const policy = pipeline.corpus.policies.get(payer);
  if (!policy) return ['', ''];
  const { doc } = policy;
  const name = `${doc.payer} “${doc.title}”${doc.policyNumber ? ` (Medical Policy ${doc.policyNumber})` : ''}`;
  const firstSection = doc.sections[0]?.id ?? '';
  switch (topic) {
    case 'dates': {
      const d = doc.dates;
      const parts = [
        d.effective && `effective date ${d.effective}`,
        d.original && `original policy date ${d.original}`,
        d.lastReview && `last review date ${d.lastReview}`,
        d.published && `published to the web ${d.published}`,
      ].filter(Boolean);
      return [parts.length ? `${name}: ${parts.join('; ')}.` : `${name} states no effective or review dates.`, firstSection];
    }
    case 'number':
      return [
        (doc.policyNumber
          ? `${doc.payer}'s IGRT policy is Medical Policy ${doc.policyNumber}, “${doc.title}”`
          : `${name} carries no policy number`) +
          (doc.manual ? `, in the ${doc.manual.name}, section ${doc.manual.section}.` : '.'),
        firstSection,
      ];
    case 'population':
    case 'plans':
      if (topic === 'plans' && doc.topics.plans) return [`${name}: ${doc.topics.plans.text}`, doc.topics.plans.section];
      return [`${name} applies to: ${doc.population.summary}`, doc.population.section];
    case 'indications':
      return [
        indications(pipeline, payer, name, /\bnot\b|\bisn'?t\b|\bexclu/.test(question.toLowerCase())),
        doc.topics.indications,
      ];
    case 'title':
      return [`${name}.`, firstSection];
    case 'search': {
      const hit = pipeline.index.search(question, { policyId: payer }, 1)[0];
      return [
        hit ? `${doc.payer} (${hit.passage.section}): “${hit.passage.text}”` : `${name} says nothing I can match to that.`,
        hit?.passage.section ?? firstSection,
      ];
    }
  }
}

function indications(pipeline: Pipeline, payer: string, name: string, negative: boolean): string {
  const policy = pipeline.corpus.policies.get(payer);
  const rules = policy?.rules.questions.necessity ?? [];
  const wanted = negative ? 'not_medically_necessary' : 'medically_necessary';
  const listed = rules.filter((r) => r.decision === wanted).map((r) => `${r.section}: ${r.because}`);
  return `${name} finds IGRT ${negative ? 'not ' : ''}medically necessary in these cases —\n${listed.map((m) => `  • ${m}`).join('\n')}`;
}
