import { asSetting, checkClaim } from '../codes/index.js';
import type { Turn } from '../context/merge.js';
import type { Answer } from '../contract/answer.js';
import type { CodeMention } from '../nlu/codes.js';
import { claimTable } from '../render/claim-table.js';
import type { Pipeline } from './pipeline.js';

/** Checks the claim lines a message lists: a verdict per line and per conflicting pair, and a summary. */
export function claimAnswer(pipeline: Pipeline, turn: Turn, lines: readonly CodeMention[], date: string): Omit<Answer, 'facts'> {
  const setting = asSetting(turn.facts.setting);
  const modality = typeof turn.facts.modality === 'string' ? turn.facts.modality : undefined;
  const payer = turn.payers.length === 1 ? turn.payers[0] : undefined;
  const { findings, rows, summary, payers } = checkClaim(pipeline.codes, lines, {
    dateOfService: date,
    ...(payer ? { payer } : {}),
    ...(setting ? { setting } : {}),
    ...(modality ? { modality } : {}),
  });
  const payerName = (id: string) => pipeline.corpus.policies.get(id)?.doc.payer ?? id;
  const settingLabel = setting
    ? pipeline.corpus.facts.setting?.kind === 'enum' && pipeline.corpus.facts.setting.values[setting]?.label
    : undefined;
  const notes = [...new Set(findings.flatMap((f) => [...f.assumed, ...f.notes.filter((n) => n.startsWith('⚠️'))]))];
  const text = [
    `Claim check — ${payers.map(payerName).join(' and ')}${settingLabel ? `, ${settingLabel}` : ', setting not given'}, date of service ${date}`,
    '',
    claimTable(rows, payerName),
    '',
    `Summary: ${summary}`,
    ...notes,
    'Policy guidance, not a coverage guarantee.',
  ].join('\n');
  return { intent: 'billing', findings: [...findings], text };
}
