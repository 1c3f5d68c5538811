import { type DestinationStream, type Logger, pino } from 'pino';
import { redactIdentifiers, redactSecrets } from './redact.js';

/** How much to log, and whether (redacted) question text may be logged for debugging. */
export interface LogOptions {
  readonly level?: string;
  readonly logQuestionText?: boolean;
}

/** A structured JSON logger that never writes tokens or secrets, whatever field they hide in. */
export function createLogger(options: LogOptions = {}, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'igrt-assistant' },
      redact: {
        paths: [
          'token',
          'botToken',
          'appToken',
          'signingSecret',
          'secret',
          'password',
          'authorization',
          '*.token',
          '*.botToken',
          '*.signingSecret',
          '*.authorization',
          'headers.authorization',
          'config.*',
        ],
        censor: '[secret]',
      },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? redactSecrets(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}

/** What one answered question leaves in the log: ids, intent, determinations, timing — no text unless asked, and then redacted. */
export interface AnswerLog {
  readonly requestId: string;
  readonly surface: string;
  readonly intent: string;
  readonly determinations: readonly string[];
  readonly ms: number;
  readonly question?: string;
}

/** Logs an answered question without PHI: the raw text only when enabled, and then with identifiers masked. */
export function logAnswer(logger: Logger, entry: AnswerLog, options: LogOptions = {}): void {
  const { question, ...rest } = entry;
  const text = options.logQuestionText && question !== undefined ? { question: redactIdentifiers(question) } : {};
  logger.info({ event: 'answered', ...rest, ...text }, 'answered');
}
