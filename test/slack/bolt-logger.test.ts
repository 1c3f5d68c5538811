import { LogLevel } from '@slack/bolt';
import { expect, test } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { boltLogger } from '../../src/slack/bolt-logger.js';
import { capture } from '../log/capture.js';
import { eventBody } from './harness.js';

const question = 'pt John Smith, 67 yo, born in 1958, MRN: 123 456 78, seen 2025-03-04T10:22:33Z: Horizon IMRT prostate';
const PHI = ['John', 'Smith', '67 yo', '1958', '456 78', '10:22:33'];

test('Bolt’s debug lines (whole Slack bodies, Web API request bodies) go through the identifier scrubber', () => {
  const out = capture();
  const logger = boltLogger(createLogger({ level: 'debug' }, out.stream));
  logger.setLevel(LogLevel.DEBUG);
  const body = eventBody({ type: 'message', channel_type: 'im', user: 'U1', text: question, channel: 'DPHI', ts: '1.2' });
  logger.debug(body);
  logger.debug('http request body: %s', JSON.stringify({ channel: 'DPHI', text: question }));
  logger.error('failed for', { text: question });
  const text = out.text();
  expect(out.lines).toHaveLength(3);
  expect(text).toContain('DPHI');
  expect(text).toContain('[name]');
  for (const phi of PHI) expect(text, phi).not.toContain(phi);
});

test('a debug line is not even formatted when debug is off', () => {
  const out = capture();
  const logger = boltLogger(createLogger({ level: 'info' }, out.stream));
  let formatted = 0;
  logger.debug({
    toString: () => {
      formatted++;
      return question;
    },
  });
  expect(formatted).toBe(0);
  expect(out.lines).toHaveLength(0);
});
