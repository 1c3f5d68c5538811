import type { ClaimRow } from '../codes/claim.js';
import { DETERMINATION_WORDS } from './words.js';

const VERDICT: Partial<Record<ClaimRow['determination'], string>> = { info: 'valid' };

/** A claim check as a plain-text table: one row per line and per conflicting pair. */
export function claimTable(rows: readonly ClaimRow[], payerName: (id: string) => string): string {
  const cells = rows.map((row) => {
    const { mark } = DETERMINATION_WORDS[row.determination];
    const verdict = `${mark} ${VERDICT[row.determination] ?? row.determination.replaceAll('_', ' ')}`;
    return [row.subject, row.payer ? payerName(row.payer) : 'any', verdict, row.reason];
  });
  const header = ['Line / pair', 'Payer', 'Verdict', 'Why'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i]?.length ?? 0, ...cells.map((c) => c[i]?.length ?? 0)));
  const format = (c: string[]) => c.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ');
  return [format(header), ...cells.map(format)].join('\n');
}
