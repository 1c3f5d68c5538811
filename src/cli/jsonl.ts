import { createInterface } from 'node:readline';
import { answer } from '../answer/answer.js';
import { MemoryContextStore } from '../context/memory-store.js';

/** One --jsonl input line: an id, a question and an optional thread. */
function readLine(line: string): { id?: string; q: string; thread?: string } | { id?: string; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'the line is not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { error: 'the line is not a JSON object' };
  const record = value as Record<string, unknown>;
  const id = record.id === undefined ? undefined : String(record.id);
  if (typeof record.q !== 'string') return { ...(id ? { id } : {}), error: 'the line has no "q" string' };
  return { ...(id ? { id } : {}), q: record.q, ...(typeof record.thread === 'string' ? { thread: record.thread } : {}) };
}

/** Answers a JSONL stream line by line, in order; lines that share a thread share context. */
export async function runJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, today: string): Promise<void> {
  const store = new MemoryContextStore();
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const parsed = readLine(line);
    const id = parsed.id;
    const result =
      'error' in parsed
        ? {
            intent: 'help',
            findings: [],
            text: `Could not read this input line: ${parsed.error}.`,
            facts: {},
            error: parsed.error,
          }
        : await answer(parsed.q, { store, today, ...(parsed.thread ? { threadId: parsed.thread } : {}) });
    output.write(`${JSON.stringify(id === undefined ? result : { id, ...result })}\n`);
  }
}
