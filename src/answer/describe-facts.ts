import type { Turn } from '../context/merge.js';
import type { Pipeline } from './pipeline.js';

/** A one-line summary of what the bot understood, so the asker can spot a misreading. */
export function describeFacts(pipeline: Pipeline, turn: Turn): string {
  const parts: string[] = [];
  for (const payer of turn.payers) parts.push(pipeline.corpus.policies.get(payer)?.doc.payer ?? payer);
  for (const [fact, value] of Object.entries(turn.facts)) {
    const def = pipeline.corpus.facts[fact];
    if (!def || value === undefined) continue;
    if (def.kind === 'enum') parts.push(def.values[String(value)]?.label ?? String(value));
    else if (def.kind === 'boolean') parts.push(`${def.label}: ${value ? 'yes' : 'no'}`);
    else if (Array.isArray(value)) parts.push(`codes ${value.join(', ')}`);
  }
  return parts.join(' · ');
}
