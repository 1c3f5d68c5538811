import { describe, expect, test } from 'vitest';
import { LoopLoad, type LoopTimes } from '../../src/slack/loop-load.js';

/** A loop whose busy and idle time the test advances by hand. */
function loop() {
  const times = { active: 0, idle: 0 };
  return {
    read: (): LoopTimes => ({ ...times }),
    spend: (active: number, idle: number) => {
      times.active += active;
      times.idle += idle;
    },
  };
}

describe('LoopLoad: whether the event loop is saturated, from its last completed window', () => {
  // Windows of 100 ms, saturated from 95% busy.
  const cases: [string, [active: number, idle: number][], number, boolean][] = [
    ['a fresh loop is not saturated', [], 0, false],
    ['a window 98% busy is saturated', [[98, 2]], 0.98, true],
    ['a window 70% busy (a busy but keeping-up loop) is not', [[70, 30]], 0.7, false],
    [
      'a window not yet complete keeps the last complete one (saturated)',
      [
        [98, 2],
        [40, 10],
      ],
      0.98,
      true,
    ],
    [
      'the next complete window replaces it (idle again)',
      [
        [98, 2],
        [20, 80],
      ],
      0.2,
      false,
    ],
    ['exactly at the threshold counts as saturated', [[95, 5]], 0.95, true],
  ];
  test.each(cases)('%s', (_rule, windows, utilization, saturated) => {
    const { read, spend } = loop();
    const load = new LoopLoad(0.95, 100, read);
    for (const [active, idle] of windows) {
      spend(active, idle);
      load.utilization();
    }
    expect(load.utilization()).toBeCloseTo(utilization, 5);
    expect(load.saturated()).toBe(saturated);
  });

  test('the real loop: 150 ms of busy work reads as saturated, a quiet wait after it as not', async () => {
    const load = new LoopLoad(0.95, 100);
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // Busy: the loop runs this callback and nothing else.
    }
    expect(load.saturated()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(load.saturated()).toBe(false);
  });
});
