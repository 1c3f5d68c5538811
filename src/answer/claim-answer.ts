import { asSetting, checkClaim } from '../codes/index.js';
import type { Setting } from '../codes/schema.js';
import { codeState } from '../codes/state.js';
import type { CodeTable } from '../codes/table.js';
import type { Turn } from '../context/merge.js';
import type { Answer, DateUsed, Finding } from '../contract/answer.js';
import type { CodeMention } from '../nlu/codes.js';
import { valueLabel } from '../policy/facts.js';
import type { Pipeline } from './pipeline.js';

/** Checks the claim lines a message lists: a verdict per line and per conflicting pair, and a summary. */
export function claimAnswer(pipeline: Pipeline, turn: Turn, lines: readonly CodeMention[], asked: DateUsed): Answer {
  const setting = asSetting(turn.facts.setting);
  // A date written but not readable is said as such, never swapped for another.
  const date =
    asked.from === 'today' && asked.unreadable === undefined
      ? (lastDayAllValid(pipeline.codes, lines, asked.date, setting) ?? asked)
      : asked;
  const modality = typeof turn.facts.modality === 'string' ? turn.facts.modality : undefined;
  const payer = turn.payers.length === 1 ? turn.payers[0] : undefined;
  const question = {
    ...(payer ? { payer } : {}),
    ...(setting ? { setting } : {}),
    ...(modality ? { modality } : {}),
  };
  const { findings, byPayer, rows, summary, payers } = checkClaim(pipeline.codes, lines, {
    dateOfService: date.date,
    ...question,
  });
  // "DOS 3/14" with no year: where last year's 3/14 gives another verdict (a code-set change between), the year is asked.
  const other = date.yearEarlier
    ? checkClaim(pipeline.codes, lines, { dateOfService: date.yearEarlier, ...question })
    : undefined;
  const differs = (f: Finding) => other?.byPayer.some((o) => o.payer === f.payer && o.determination !== f.determination) ?? false;
  const found = byPayer.map((f) => (differs(f) ? { ...f, determination: 'needs_info' as const, missing: ['dateOfService'] } : f));
  const settingLabel = setting ? valueLabel(pipeline.corpus.facts, 'setting', setting) : undefined;
  return {
    intent: 'billing',
    findings: found,
    text: '',
    facts: turn.facts,
    dateOfService: date,
    claim: { payers: [...payers], ...(settingLabel ? { setting: settingLabel } : {}), rows: [...rows] },
    summary,
    assumptions: [...new Set(findings.flatMap((f) => f.assumed))],
    changes: [...new Set(findings.flatMap((f) => f.changes))],
    ...(found.some((f, i) => f !== byPayer[i])
      ? {
          notices: [
            `The date of service “${date.written}” has no year, and the verdict differs between ${date.date} and ${date.yearEarlier}: which year was it?`,
          ],
        }
      : {}),
  };
}

/**
 * With no date of service given, a claim naming a code deleted before today is checked for the last
 * day every line was valid (the policy's coding era), as the other answers state the policy's answer
 * then; undefined when no such day exists (a deleted code beside one new since) or none is deleted.
 */
function lastDayAllValid(
  table: CodeTable,
  lines: readonly CodeMention[],
  today: string,
  setting: Setting | undefined,
): DateUsed | undefined {
  const ends = lines.flatMap((line) => {
    const end = table.codes[line.code]?.validTo?.date;
    return end !== undefined && end < today ? [end] : [];
  });
  if (ends.length === 0) return undefined;
  const day = ends.sort()[0] as string;
  const valid = lines.every((line) => ['active', 'unknown'].includes(codeState(table, line.code, day, setting)));
  return valid ? { date: day, from: 'today', insteadOf: today } : undefined;
}
