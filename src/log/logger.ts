import { type DestinationStream, type Logger, pino, stdSerializers } from 'pino';
import { redactIdentifiers, redactSecrets } from './redact.js';
import { scrub } from './scrub.js';

/** How much to log, and whether (redacted) question text may be logged for debugging. */
export interface LogOptions {
  readonly level?: string;
  readonly logQuestionText?: boolean;
}

// Which loggers were created with question-text logging on, so logAnswer honours the factory's flag.
const textLogging = new WeakMap<Logger, boolean>();

/**
 * A logged object with every value of its `config` field censored: configuration holds secrets
 * by nature, so none of it is written, whatever its fields are called. (Secret-named fields at
 * any depth are the scrubber's; pino's path redaction did both, at some 18 µs a line, over half
 * of what an answered question's log line cost.)
 */
function withoutConfig(object: Record<string, unknown>): Record<string, unknown> {
  const config = object.config;
  if (config === null || typeof config !== 'object') return object;
  const censored = Array.isArray(config)
    ? config.map(() => CENSOR)
    : Object.fromEntries(Object.keys(config).map((k) => [k, CENSOR]));
  return { ...object, config: censored };
}

const CENSOR = '[secret]';

/**
 * Standard output, written in batches: lines gather until 4 KB or 100 ms, whichever comes first,
 * then leave in one write off the main thread. One write per line cost a hand-off to libuv's
 * thread pool for every answer (a write, a wake-up and a completion on the event loop); under load
 * it is one per few dozen lines. A line waits at most 100 ms; on exit what is left is written
 * synchronously (pino flushes on 'exit'), so only a SIGKILL can lose the last 100 ms.
 */
function batchedStdout(): DestinationStream {
  return pino.destination({ dest: process.stdout.fd ?? 1, sync: false, minLength: 4096, periodicFlush: 100 });
}

/** A structured JSON logger that never writes tokens or secrets, whatever field or message they hide in. */
export function createLogger(options: LogOptions = {}, destination?: DestinationStream): Logger {
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { service: 'igrt-assistant' },
      // The scrubber has already turned errors into plain objects; serialize only errors it has not seen.
      serializers: { err: (e: unknown) => (e instanceof Error ? stdSerializers.err(e) : e) },
      formatters: {
        log: (object) => withoutConfig(scrub(object) as Record<string, unknown>),
        bindings: (bindings) => withoutConfig(scrub(bindings) as Record<string, unknown>),
      },
      hooks: {
        logMethod(args, method) {
          // The merging object (first argument) goes through formatters.log; the message and its
          // interpolation arguments do not, so they are scrubbed here.
          const first = args[0];
          const scrubbed = args.map((a, i) => {
            if (i === 0 && typeof first === 'object' && first !== null) return a;
            const clean = scrub(a);
            return clean !== null && typeof clean === 'object' && !Array.isArray(clean)
              ? withoutConfig(clean as Record<string, unknown>)
              : clean;
          });
          // Without a message pino falls back to the error's own message, unscrubbed; supply it scrubbed.
          const error = first instanceof Error ? first : (first as { err?: unknown } | undefined)?.err;
          if (error instanceof Error && typeof args[1] !== 'string') scrubbed.splice(1, 0, redactSecrets(error.message));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination ?? batchedStdout(),
  );
  // pino applies formatters.bindings to the root only, so child bindings are scrubbed here;
  // children inherit this method from their parent, so it covers grandchildren too.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, withoutConfig(scrub(bindings) as Record<string, unknown>) as typeof bindings, childOptions);
  } as typeof logger.child;
  textLogging.set(logger, options.logQuestionText ?? false);
  return logger;
}

/** What one answered question leaves in the log: ids, intent, determinations, timings — no text unless asked, and then redacted. */
export interface AnswerLog {
  readonly requestId: string;
  readonly surface: string;
  readonly intent: string;
  readonly determinations: readonly string[];
  /** Total time to answer, in milliseconds. */
  readonly ms: number;
  /** Per-stage timings in milliseconds (for example `{ answer: 0.4, render: 0.1 }`). */
  readonly timings?: Readonly<Record<string, number>>;
  readonly question?: string;
}

/**
 * Logs an answered question without PHI: the question text only when enabled (by `options` or
 * the logger's factory flag), and then with identifiers masked.
 */
export function logAnswer(logger: Logger, entry: AnswerLog, options: Pick<LogOptions, 'logQuestionText'> = {}): void {
  const { question, ...rest } = entry;
  const enabled = options.logQuestionText ?? textLogging.get(logger) ?? false;
  const text = enabled && question !== undefined ? { question: redactIdentifiers(question) } : {};
  logger.info({ event: 'answered', ...rest, ...text }, 'answered');
}
