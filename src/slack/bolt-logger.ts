import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';
import { redactIdentifiers } from '../log/redact.js';

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt's nearest level to a pino level (Bolt has no fatal or silent; the pino logger keeps those). */
export function boltLevel(pinoLevel: string): LogLevel {
  if (pinoLevel === 'debug' || pinoLevel === 'trace') return LogLevel.DEBUG;
  if (pinoLevel === 'info') return LogLevel.INFO;
  if (pinoLevel === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

/**
 * Bolt's logger interface over the project's pino logger, so Bolt's and the Web API client's
 * messages are JSON lines through the same redaction as ours, not a second console format.
 */
export function boltLogger(log: Logger, name = 'bolt'): BoltLogger {
  let target = log.child({ component: name });
  // Bolt's debug lines carry whole Slack bodies (the user's text, the answer's buttons), so every
  // line goes through the same identifier masking as logged question text — and is only
  // formatted at all when its level is on.
  const write = (level: 'debug' | 'info' | 'warn' | 'error', msg: unknown[]) => {
    if (target.isLevelEnabled(level)) target[level](redactIdentifiers(format(...msg)));
  };
  return {
    debug: (...msg: unknown[]) => write('debug', msg),
    info: (...msg: unknown[]) => write('info', msg),
    warn: (...msg: unknown[]) => write('warn', msg),
    error: (...msg: unknown[]) => write('error', msg),
    // Bolt sets a level on every logger it is given (INFO unless told); it may narrow what the
    // project's LOG_LEVEL lets through, never widen it, so "silent" stays silent.
    setLevel: (level: LogLevel) => {
      const wanted = TO_PINO[level];
      target.level = (log.levels.values[wanted] ?? 0) >= log.levelVal ? wanted : log.level;
    },
    getLevel: () => boltLevel(target.level),
    setName: (next: string) => {
      const level = target.level;
      target = log.child({ component: next });
      target.level = level;
    },
  };
}
