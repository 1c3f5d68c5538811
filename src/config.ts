import { z } from 'zod';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './slack/http-front.js';

/** True for a URL the Redis backend accepts: redis://, rediss:// or the path of a Unix socket. */
export function isRedisUrl(url: string): boolean {
  return /^(rediss?:\/\/|\/)/i.test(url);
}

/** How much answer work may run at once and how much may wait (the Slack app's work queue). */
export interface WorkQueueLimits {
  /** Jobs running at once (a job awaits the Web API, so several overlap usefully). */
  readonly concurrency: number;
  /** Jobs waiting beyond those; an offer past this is refused so the caller can say "busy". */
  readonly maxQueued: number;
  /** A backlog whose oldest waiting job is older than this (ms) refuses new work: answers are not keeping up. */
  readonly maxWaitMs: number;
}

const Env = z
  .object({
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-/, 'must be a bot token (xoxb-…)')
      .optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, 'must be an app-level token (xapp-…)')
      .optional(),
    SLACK_API_URL: z.url().optional(),
    SLACK_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    REDIS_URL: z.string().refine(isRedisUrl, 'must be a redis:// or rediss:// URL, or the path of a Unix socket').optional(),
    ANSWER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
    ANSWER_MAX_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
    ANSWER_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(1000),
    // How long a slash command's ack may wait for its answer to ride in it; Slack allows 3 s, so
    // at most 2 s leaves the ack a second of margin. 0: every answer goes through the response URL.
    COMMAND_ACK_BUDGET_MS: z.coerce.number().int().min(0).max(2_000).default(1_000),
    // The HTTP front's limits: a body past the limit is refused before it is buffered.
    HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(4096).max(67_108_864).default(DEFAULT_HTTP_LIMITS.bodyLimitBytes),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(DEFAULT_HTTP_LIMITS.requestTimeoutMs),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_QUESTION_TEXT: z.enum(['true', 'false', '1', '0']).default('false'),
    DEFAULT_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. America/New_York').default('UTC'),
    FEEDBACK_FILE: z.string().default('.feedback/feedback.jsonl'),
    FEEDBACK_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(180),
  })
  .superRefine((env, ctx) => {
    const slack = env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN;
    if (!slack) return;
    if (!env.SLACK_BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required to run in Slack' });
    if (!env.SLACK_SIGNING_SECRET)
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required to run in Slack' });
  });

/** Where 👍/👎 feedback is kept without Redis, and for how long (with Redis too). */
export interface FeedbackSettings {
  readonly file: string;
  readonly retentionMs: number;
}

/** How the bot runs: in Slack over HTTP or Socket Mode, or locally in the console. */
export type Config =
  | {
      readonly mode: 'console';
      readonly logLevel: string;
      readonly logQuestionText: boolean;
      readonly feedback: FeedbackSettings;
    }
  | {
      readonly mode: 'http' | 'socket';
      readonly botToken: string;
      readonly signingSecret: string;
      readonly appToken?: string;
      readonly slackApiUrl?: string;
      /** How long one Web API call may take before it is abandoned (and retried). */
      readonly slackApiTimeoutMs?: number;
      readonly port: number;
      /** What the HTTP front accepts before any work is done (HTTP mode). */
      readonly http: HttpLimits;
      readonly logLevel: string;
      readonly logQuestionText: boolean;
      /** Thread context and de-duplication shared through Redis; in memory when absent. */
      readonly redisUrl?: string;
      /** Bounds of the answer work queue. */
      readonly queue: WorkQueueLimits;
      /** How long a slash command's acknowledgement may wait for its answer (ms; 0: never). */
      readonly commandAckBudgetMs: number;
      /** "Today" for askers whose Slack profile gives no time zone. */
      readonly defaultTimeZone: string;
      readonly feedback: FeedbackSettings;
    };

/** A configuration that cannot start, with every problem listed. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from environment variables, failing fast with every problem listed.
 * The one place the environment is validated: start-up reads it once and passes the result on.
 */
export function readConfig(env: Record<string, string | undefined>): Config {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const cleaned = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, blank(v)]));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const e = parsed.data;
  const logQuestionText = e.LOG_QUESTION_TEXT === 'true' || e.LOG_QUESTION_TEXT === '1';
  const feedback = { file: e.FEEDBACK_FILE, retentionMs: e.FEEDBACK_RETENTION_DAYS * 24 * 60 * 60 * 1000 };
  if (!e.SLACK_BOT_TOKEN || !e.SLACK_SIGNING_SECRET) return { mode: 'console', logLevel: e.LOG_LEVEL, logQuestionText, feedback };
  return {
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_API_URL ? { slackApiUrl: e.SLACK_API_URL } : {}),
    slackApiTimeoutMs: e.SLACK_API_TIMEOUT_MS,
    port: e.PORT,
    http: {
      bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    logLevel: e.LOG_LEVEL,
    logQuestionText,
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    queue: { concurrency: e.ANSWER_CONCURRENCY, maxQueued: e.ANSWER_QUEUE_MAX, maxWaitMs: e.ANSWER_MAX_WAIT_MS },
    commandAckBudgetMs: e.COMMAND_ACK_BUDGET_MS,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    feedback,
  };
}

/** Whether the runtime knows a time zone by this name. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
