import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { ShedLog } from '../../src/slack/shed-log.js';
import { capture } from '../log/capture.js';

describe('ShedLog', () => {
  test('one line per reason and surface per interval, with the count', () => {
    const out = capture();
    let now = 1000;
    const shed = new ShedLog(createLogger({}, out.stream), 1000, () => now);
    shed.refused('busy', 'command');
    for (let i = 0; i < 5; i++) shed.refused('busy', 'command');
    shed.refused('rate_limited', 'dm');
    expect(out.lines).toHaveLength(1);
    now = 2000;
    shed.refused('busy', 'command');
    const lines = out.lines.map((l) => JSON.parse(l) as { event: string; surface: string; count: number });
    expect(lines.map(({ event, surface, count }) => ({ event, surface, count }))).toEqual([
      { event: 'busy', surface: 'command', count: 1 },
      { event: 'busy', surface: 'command', count: 6 },
      { event: 'rate_limited', surface: 'dm', count: 1 },
    ]);
  });
});
