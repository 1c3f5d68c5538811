import { asSetting, checkClaim } from '../codes/index.js';
import type { Turn } from '../context/merge.js';
import type { Answer, DateUsed } from '../contract/answer.js';
import type { CodeMention } from '../nlu/codes.js';
import { valueLabel } from '../policy/facts.js';
import type { Pipeline } from './pipeline.js';

/** Checks the claim lines a message lists: a verdict per line and per conflicting pair, and a summary. */
export function claimAnswer(pipeline: Pipeline, turn: Turn, lines: readonly CodeMention[], date: DateUsed): Answer {
  const setting = asSetting(turn.facts.setting);
  const modality = typeof turn.facts.modality === 'string' ? turn.facts.modality : undefined;
  const payer = turn.payers.length === 1 ? turn.payers[0] : undefined;
  const { findings, byPayer, rows, summary, payers } = checkClaim(pipeline.codes, lines, {
    dateOfService: date.date,
    ...(payer ? { payer } : {}),
    ...(setting ? { setting } : {}),
    ...(modality ? { modality } : {}),
  });
  const settingLabel = setting ? valueLabel(pipeline.corpus.facts, 'setting', setting) : undefined;
  return {
    intent: 'billing',
    findings: [...byPayer],
    text: '',
    facts: turn.facts,
    dateOfService: date,
    claim: { payers: [...payers], ...(settingLabel ? { setting: settingLabel } : {}), rows: [...rows] },
    summary,
    assumptions: [...new Set(findings.flatMap((f) => f.assumed))],
    changes: [...new Set(findings.flatMap((f) => f.changes))],
  };
}
