import type { FactValue } from '../policy/facts.js';
import type { CodeTable } from './table.js';

/** The facts a code states on its own (77385 → modality imrt, G6017 → respiratory tracking), from codes.yaml. */
export function impliedFacts(table: CodeTable, code: string): Readonly<Record<string, FactValue>> {
  return table.codes[code]?.implies ?? {};
}

/** Whether a code reports one IGRT method (`kind: igrt`): two such codes on one day are two methods. */
export function isIgrtMethod(table: CodeTable, code: string): boolean {
  return table.codes[code]?.kind === 'igrt';
}
