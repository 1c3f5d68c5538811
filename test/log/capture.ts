import { Writable } from 'node:stream';

/** A stream that keeps every log line pino writes to it, for assertions on the raw output. */
export function capture(): { lines: string[]; stream: Writable; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream, text: () => lines.join('') };
}
