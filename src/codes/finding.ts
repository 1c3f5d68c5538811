import type { Finding } from '../contract/answer.js';
import type { Determination } from '../contract/determination.js';
import { lineLabel } from './claim-line.js';
import type { LineCheck, LineVerdict } from './line.js';
import type { Relation, Verdict } from './relation.js';

/** How a code verdict reads as a contract determination: deleted and replaced codes are not billed. */
export const DETERMINATION_OF: Readonly<Record<Verdict | LineVerdict, Determination>> = {
  bundled: 'bundled',
  separately_billable: 'separately_billable',
  do_not_bill: 'do_not_bill',
  replaced: 'do_not_bill',
  deleted: 'do_not_bill',
  not_addressed: 'not_addressed',
  valid: 'info',
  unknown: 'not_addressed',
};

/** A pair verdict as a Finding whose subject names the pair ("77387-TC + 77385"). */
export function relationFinding(relation: Relation): Finding {
  return toFinding(relation, `${lineLabel(relation.a)} + ${lineLabel(relation.b)}`);
}

/** A line verdict as a Finding whose subject names the line ("77387-TC x5"). */
export function lineFinding(check: LineCheck): Finding {
  return toFinding(check, lineLabel(check.line));
}

function toFinding(result: Relation | LineCheck, subject: string): Finding {
  return {
    payer: result.payer,
    determination: DETERMINATION_OF[result.verdict],
    missing: [],
    ruleId: result.ruleId,
    citation: result.citation,
    reason: result.reason,
    assumed: [...result.assumed],
    notes: [...result.notes],
    changes: [...result.changes],
    subject,
    trace: [],
  };
}
