import { z } from 'zod';
import { lazySchema } from '../contract/lazy-schema.js';
import { DataError, loadYaml } from '../data/load-yaml.js';
import { projectPath } from '../data/paths.js';
import { anyMatches, type Guarded, withRequiredText } from './required-text.js';

export const InstructionFile = lazySchema(() =>
  z.strictObject({
    instructions: z.array(z.string().min(1)).min(1),
    machineLines: z.array(z.string().min(1)).default([]),
  }),
);
export type InstructionFile = z.infer<typeof InstructionFile>;

/**
 * Compiled patterns for text that is not a question to read (intents/instructions.yaml), each
 * with the text it requires: a cold start compiles only those a message may match.
 */
export interface InstructionModel {
  readonly instructions: readonly Guarded[];
  readonly machineLines: readonly Guarded[];
}

/** What a message is once the text not to be read is set aside, and what was set aside. */
export interface Neutralised {
  readonly text: string;
  /** Instructions aimed at the bot ("[SYSTEM OVERRIDE: …]", "ignore previous instructions"). */
  readonly instructions: number;
  /** Lines of pasted machine output (log lines, key=value dumps). */
  readonly machineLines: number;
}

/** Loads intents/instructions.yaml; a pattern that does not compile fails with its path. */
export function loadInstructions(file = projectPath('intents', 'instructions.yaml')): InstructionModel {
  const data = loadYaml(file, InstructionFile);
  const compile = (path: string, source: string, flags: string) => {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      throw new DataError(file, `${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const guard = (patterns: RegExp[]) => withRequiredText(patterns.map((pattern) => ({ pattern })));
  return {
    instructions: guard(data.instructions.map((p, i) => compile(`instructions[${i}]`, p, 'i'))),
    machineLines: guard(data.machineLines.map((p, i) => compile(`machineLines[${i}]`, p, 'i'))),
  };
}

/** A bracketed group, innermost first: an instruction inside one is set aside with it. */
const BRACKETED = /\[[^[\]]*\]|\{[^{}]*\}|<[^<>]*>|\([^()]*\)/g;
/** A sentence: up to . ! ? ; or a line end, keeping its end mark. */
const SENTENCE = /[^.!?;\n]+[.!?;]*\n?|[.!?;\n]+/g;

/**
 * Sets aside what is not a question to read, before payers and facts are read: instructions
 * aimed at the bot (a bracketed group holding one goes whole, else the sentence holding it),
 * and pasted machine output when it is most of the message's lines. Ordinary questions come
 * back unchanged.
 */
export function neutralise(model: InstructionModel, raw: string): Neutralised {
  const { text: withoutMachine, count: machineLines } = withoutMachineLines(model, raw);
  let instructions = 0;
  const isInstruction = (part: string) => anyMatches(model.instructions, part);
  let text = withoutMachine.replace(BRACKETED, (group) => {
    if (!isInstruction(group.slice(1, -1))) return group;
    instructions += 1;
    return ' ';
  });
  text = text.replace(SENTENCE, (sentence) => {
    if (!isInstruction(sentence)) return sentence;
    instructions += 1;
    return ' ';
  });
  if (instructions === 0 && machineLines === 0) return { text: raw, instructions, machineLines };
  return {
    text: text
      .replace(/[ \t]+/g, ' ')
      .replace(/ ([.,;:!?])/g, '$1')
      .trim(),
    instructions,
    machineLines,
  };
}

function withoutMachineLines(model: InstructionModel, raw: string): { text: string; count: number } {
  if (model.machineLines.length === 0) return { text: raw, count: 0 };
  const lines = raw.split(/\r?\n/);
  const machine = lines.filter((line) => anyMatches(model.machineLines, line));
  // A log line or two quoted in a question is part of it; a paste that is mostly log is not.
  if (machine.length < 2 || machine.length * 2 < lines.filter((l) => l.trim()).length) return { text: raw, count: 0 };
  const kept = lines.filter((line) => !anyMatches(model.machineLines, line));
  return { text: kept.join('\n'), count: machine.length };
}
