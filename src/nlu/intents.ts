import { z } from 'zod';
import { Intent } from '../contract/answer.js';
import { lazySchema } from '../contract/lazy-schema.js';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { mayMatch, withRequiredText } from './required-text.js';

const Cue = lazySchema(() =>
  z.strictObject({
    pattern: z.string().min(1),
    weight: z.number().positive(),
    /** The cue asks about no topic of its own ("what does the policy say?"): a case stated beside it is what it asks about. */
    topicless: z.boolean().optional(),
  }),
);

export const IntentFile = lazySchema(() =>
  z.strictObject({
    /** Tie-break order: on equal scores the intent listed first wins. */
    order: z.array(Intent),
    intents: z.record(Intent, z.strictObject({ cues: z.array(Cue), examples: z.array(z.string()).min(1) })),
    domainWords: z.string().min(1),
  }),
);
export type IntentFile = z.infer<typeof IntentFile>;

/** Intent templates compiled to regular expressions, with the tie-break order. */
export interface IntentModel {
  /** `required`: text the pattern cannot match without, lower-cased (see requiredText). */
  readonly cues: readonly {
    intent: Intent;
    pattern: RegExp;
    weight: number;
    topicless: boolean;
    required: readonly string[] | undefined;
  }[];
  readonly order: readonly Intent[];
  readonly domain: RegExp;
  readonly examples: readonly { intent: Intent; text: string }[];
}

/** A CPT/HCPCS code in a normalised question, as intent templates write it: `{code}`. */
export const CODE_PATTERN = '(?:\\d{4}[0-9t]|[a-v]\\d{4})';

/** Loads intents/intents.yaml; a pattern that does not compile fails with its path. */
export function loadIntents(file = projectPath('intents', 'intents.yaml')): IntentModel {
  const data = loadYaml(file, IntentFile);
  const compile = (path: string, source: string) => {
    try {
      return new RegExp(source.replaceAll('{code}', CODE_PATTERN), 'i');
    } catch (error) {
      throw new DataError(file, `${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const entries = Object.entries(data.intents) as [Intent, IntentFile['intents'][Intent]][];
  checkOrder(file, data.order, entries);
  const cues = entries.flatMap(([intent, spec]) =>
    (spec?.cues ?? []).map((cue, i) => ({
      intent,
      weight: cue.weight,
      topicless: cue.topicless ?? false,
      pattern: compile(`intents.${intent}.cues[${i}]`, cue.pattern),
    })),
  );
  return {
    order: data.order,
    cues: withRequiredText(cues),
    domain: compile('domainWords', data.domainWords),
    examples: entries.flatMap(([intent, spec]) => (spec?.examples ?? []).map((text) => ({ intent, text }))),
  };
}

/** An intent with cues but not in `order` would never be chosen: every such intent is listed, once. */
function checkOrder(
  file: string,
  order: readonly Intent[],
  entries: readonly [Intent, { cues: readonly unknown[] } | undefined][],
) {
  for (const [i, intent] of order.entries()) {
    if (order.indexOf(intent) !== i) throw new DataError(file, `order[${i}]: "${intent}" is listed twice`);
    if (!entries.some(([name]) => name === intent)) throw new DataError(file, `order[${i}]: no intent "${intent}" under intents`);
  }
  for (const [intent, spec] of entries) {
    if ((spec?.cues.length ?? 0) > 0 && !order.includes(intent))
      throw new DataError(file, `order: "${intent}" has cues but is not listed`);
  }
}

/** An intent's score for a question, and how much of its weight came from cues that ask about no topic. */
export interface IntentScores {
  readonly scores: Partial<Record<Intent, number>>;
  readonly topicless: Partial<Record<Intent, number>>;
}

/** Each intent's score for a normalised question: the sum of the weights of the cues it matches. */
export function scoreIntents(model: IntentModel, text: string): IntentScores {
  const scores: Partial<Record<Intent, number>> = {};
  const topicless: Partial<Record<Intent, number>> = {};
  // The patterns ignore case: their required text is lower-cased, so the text is too.
  const lower = text.toLowerCase();
  for (const cue of model.cues) {
    // A pattern is compiled the first time it is tried: one that cannot match is not tried.
    if (mayMatch(cue.required, lower) && cue.pattern.test(text)) {
      scores[cue.intent] = (scores[cue.intent] ?? 0) + cue.weight;
      if (cue.topicless) topicless[cue.intent] = (topicless[cue.intent] ?? 0) + cue.weight;
    }
  }
  return { scores, topicless };
}
