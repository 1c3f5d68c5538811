import type { FactValue } from '../policy/facts.js';
import type { CodeTable } from './table.js';

/**
 * The facts a code states on its own, from codes.yaml: its kind's (every IGRT code says an IGRT
 * code is billed, whichever payer reads it) and its own (77385 → modality imrt, G6017 → respiratory tracking).
 */
export function impliedFacts(table: CodeTable, code: string): Readonly<Record<string, FactValue>> {
  const entry = table.codes[code];
  if (!entry) return {};
  return { ...table.kinds[entry.kind]?.implies, ...entry.implies };
}

/** Whether a code reports one IGRT method (`kind: igrt`): two such codes on one day are two methods. */
export function isIgrtMethod(table: CodeTable, code: string): boolean {
  return table.codes[code]?.kind === 'igrt';
}
