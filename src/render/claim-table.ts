import { DETERMINATION_OF } from '../codes/finding.js';
import type { ClaimRow } from '../contract/answer.js';
import { DETERMINATION_WORDS } from './words.js';

/** A claim check as a plain-text table: one row per claim line (pairs folded in), with the payers it holds for. */
export function claimTable(rows: readonly ClaimRow[], payerName: (id: string) => string): string {
  const cells = rows.map((row) => {
    const { mark } = DETERMINATION_WORDS[DETERMINATION_OF[row.verdict]];
    return [row.subject, row.payers.map(payerName).join(', '), `${mark} ${row.verdict.replaceAll('_', ' ')}`, row.reason];
  });
  const header = ['Line', 'Payer', 'Verdict', 'Why'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i]?.length ?? 0, ...cells.map((c) => c[i]?.length ?? 0)));
  const format = (c: readonly string[]) => c.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ');
  return [format(header), ...cells.map(format)].join('\n');
}
