import { readFileSync } from 'node:fs';
import { type ZodType, z } from 'zod';
import { parseYamlText, recordValidated, validatedValue } from './snapshot.js';

/** A data file that could not be read or does not match its schema. */
export class DataError extends Error {
  readonly code = 'DATA_INVALID';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataError';
  }
}

/** Reads a YAML file and validates it, throwing a DataError that names file, path and reason. */
export function loadYaml<T>(file: string, schema: ZodType<T>): T {
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(file, 'utf8');
    // Validated by this schema at build time, byte for byte this text: no second validation.
    const valid = validatedValue(file, text);
    if (valid !== undefined) return valid as T;
    raw = parseYamlText(text);
  } catch (error) {
    throw new DataError(file, error instanceof Error ? error.message : String(error));
  }
  const value = parseData(file, raw, schema);
  recordValidated(file, text, value);
  return value;
}

/** Validates already-parsed data against a schema, failing with a DataError. */
export function parseData<T>(file: string, raw: unknown, schema: ZodType<T>): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new DataError(file, `\n${z.prettifyError(result.error)}`);
  return result.data;
}
