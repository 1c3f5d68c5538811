import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { defaultPipeline } from '../../src/answer/pipeline.js';
import type { Answer, Finding } from '../../src/contract/answer.js';
import { LIMITS, renderBlocks } from '../../src/render/blocks.js';
import { escapeMrkdwn } from '../../src/render/mrkdwn.js';

const { corpus } = defaultPipeline();

function texts(blocks: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  walk(blocks);
  return found;
}

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  payer: 'horizon',
  determination: 'medically_necessary',
  missing: [],
  ruleId: 'horizon.II.F.prostate',
  citation: { policyId: 'horizon', section: 'II.F', excerpt: 'Treatment of prostate cancer' },
  reason: 'With 3DCRT, IGRT is medically necessary for prostate cancer.',
  assumed: [],
  notes: [],
  changes: [],
  trace: [],
  ...overrides,
});

describe('Block Kit rendering', () => {
  test('mrkdwn escaping turns mentions into text', () => {
    expect(escapeMrkdwn('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  test('each determination has its own header wording', async () => {
    const headers = new Set<string>();
    for (const q of [
      'Horizon IMRT',
      'Horizon electrons',
      'Horizon SBRT billing',
      'Horizon proton',
      'Horizon 10 year old IMRT',
      'Horizon 3DCRT',
    ]) {
      const { blocks } = renderBlocks(corpus, await answer(q));
      headers.add(JSON.stringify(blocks[0]));
    }
    expect(headers.size).toBe(6);
  });

  test('a very long excerpt and many findings stay within Slack limits', () => {
    const long: Answer = {
      intent: 'compare',
      findings: Array.from({ length: 40 }, (_, i) =>
        finding({
          payer: i % 2 ? 'cvs' : 'horizon',
          reason: 'R'.repeat(5000),
          citation: { policyId: 'horizon', section: 'II.F', excerpt: 'x'.repeat(10_000) },
          notes: ['n'.repeat(4000)],
        }),
      ),
      text: '',
      understood: [{ fact: 'diagnosis', value: 'other', label: 'y'.repeat(10_000), as: 'stated' }],
      facts: {},
      followUp: {
        fact: 'diagnosis',
        question: 'Q'.repeat(4000),
        options: Array.from({ length: 30 }, (_, i) => ({ label: 'L'.repeat(200), reply: `r${i}`.repeat(1000) })),
      },
    };
    const { blocks, text } = renderBlocks(corpus, long, { shareValue: 'v'.repeat(5000), buttonValue: (r) => r });
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const t of texts(blocks)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    const json = JSON.stringify(blocks);
    for (const match of json.matchAll(/"value":"([^"]*)"/g)) expect((match[1] ?? '').length).toBeLessThanOrEqual(LIMITS.value);
    for (const block of blocks) if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.header);
  });

  test('user-looking text in an answer is escaped everywhere it appears', () => {
    const tricky: Answer = {
      intent: 'coverage',
      findings: [
        finding({
          reason: 'see <!channel> & <@U1>',
          citation: { policyId: 'horizon', section: '<!here>', excerpt: '<https://evil|click>' },
        }),
      ],
      text: '',
      understood: [{ fact: 'diagnosis', value: 'other', label: '<!everyone>', as: 'stated' }],
      facts: {},
    };
    const json = JSON.stringify(renderBlocks(corpus, tricky));
    for (const raw of ['<!channel>', '<@U1>', '<!here>', '<https://evil', '<!everyone>']) expect(json).not.toContain(raw);
  });

  test('a case answer is drawn from its fields, never from its text', () => {
    const structured: Answer = {
      intent: 'billing',
      findings: [finding({ determination: 'bundled', changes: ['Code-set change since 2026-01-01: 77385 deleted.'] })],
      text: 'Understood: decoy\nSummary: decoy\n⚠️ decoy',
      facts: {},
      understood: [{ fact: 'modality', value: 'imrt', label: 'IMRT', as: 'stated' }],
      dateOfService: { date: '2025-03-04', from: 'question', written: 'March 4, 2025' },
    };
    const shown = texts(renderBlocks(corpus, structured).blocks).join('\n');
    expect(shown).not.toContain('decoy');
    expect(shown).toContain('Understood: IMRT');
    expect(shown).toContain('Date of service 2025-03-04, from the question (“March 4, 2025”).');
    expect(shown).toContain('⚠️ Code-set change since 2026-01-01: 77385 deleted.');
  });

  test('a claim check is drawn from its rows and summary, never from its text', () => {
    const claim: Answer = {
      intent: 'billing',
      findings: [finding({ subject: '99213', determination: 'not_addressed' })],
      text: 'decoy title\n\ndecoy table\nSummary: decoy',
      facts: {},
      claim: {
        payers: ['horizon'],
        rows: [{ subject: '99213', payers: ['horizon'], verdict: 'unknown', reason: '99213 is not in the code table.' }],
      },
      summary: '1 line(s) checked',
      changes: ['Code-set change since 2026-01-01.'],
      dateOfService: { date: '2026-11-23', from: 'today' },
    };
    const shown = texts(renderBlocks(corpus, claim).blocks).join('\n');
    expect(shown).not.toContain('decoy');
    expect(shown).toContain('Claim check — Horizon BCBSNJ, setting not given');
    expect(shown).toMatch(/99213\s+Horizon BCBSNJ\s+🤷 unknown\s+99213 is not in the code table\./);
    expect(shown).toContain('*Summary:* 1 line(s) checked');
    expect(shown).toContain('⚠️ Code-set change since 2026-01-01.');
    expect(shown).toContain('Date of service: no date given, so today, 2026-11-23.');
  });

  test('needs_info answers carry one button per option, compare answers put payers side by side', async () => {
    const needs = renderBlocks(corpus, await answer('CVS 3DCRT lung'));
    expect(JSON.stringify(needs.blocks)).toContain('igrt_follow_up_0');
    const compare = renderBlocks(corpus, await answer('compare CVS and Horizon on proton therapy'));
    expect(compare.blocks.some((b) => b.type === 'section' && 'fields' in b && (b.fields?.length ?? 0) === 2)).toBe(true);
  });
});
