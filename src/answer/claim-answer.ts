import { checkClaim } from '../codes/claim.js';
import type { Turn } from '../context/merge.js';
import type { CodeMention } from '../nlu/codes.js';
import { claimTable } from '../render/claim-table.js';
import { currentCodes } from './code-lookup.js';
import type { Pipeline } from './pipeline.js';
import type { Answer } from './schema.js';

/** Checks the claim lines a message lists: a verdict per line and per conflicting pair, and a summary. */
export function claimAnswer(pipeline: Pipeline, turn: Turn, lines: readonly CodeMention[], date: string): Omit<Answer, 'facts'> {
  const payers = turn.payers.length > 0 ? turn.payers : [...pipeline.corpus.policies.keys()];
  const setting = typeof turn.facts.setting === 'string' ? turn.facts.setting : undefined;
  const { findings, rows, summary } = checkClaim(pipeline.codes, lines, {
    payers,
    date,
    ...(setting ? { setting } : {}),
    currentCodes: (code) => currentCodes(pipeline, code, date),
    silentCitation: (payer) => {
      const section = payer === 'cvs' ? 'policy.imrt-pbt-sbrt-srs' : 'background.coding';
      return { policyId: payer, section, excerpt: pipeline.corpus.policies.get(payer)?.sections.get(section)?.text ?? '' };
    },
  });
  const payerName = (id: string) => pipeline.corpus.policies.get(id)?.doc.payer ?? id;
  const settingLabel = setting
    ? pipeline.corpus.facts.setting?.kind === 'enum' && pipeline.corpus.facts.setting.values[setting]?.label
    : undefined;
  const text = [
    `Claim check — ${payers.map(payerName).join(' and ')}${settingLabel ? `, ${settingLabel}` : ', setting not given'}, date of service ${date}`,
    '',
    claimTable(rows, payerName),
    '',
    `Summary: ${summary}`,
    ...(setting
      ? []
      : [
          'Setting not given: pairs that differ by setting (HOPPS vs MPFS) are shown for both; say “hospital” or “freestanding” to narrow it.',
        ]),
    'Policy guidance, not a coverage guarantee.',
  ].join('\n');
  return { intent: 'billing', findings, text };
}
