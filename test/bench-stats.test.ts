import { describe, expect, test } from 'vitest';
import { latencies, percentile, spread, target } from '../bench/stats.js';

describe('bench statistics', () => {
  test.each([
    ['p50 of 1..100 is the 50th value (nearest rank)', 50, 50],
    ['p99 of 1..100 is the 99th value', 99, 99],
    ['p100 is the largest', 100, 100],
    ['p0 is the smallest', 0, 1],
  ])('percentile — %s', (_name, p, expected) => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, p)).toBe(expected);
  });

  test('an empty sample has no percentile', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  test('latencies sorts an unsorted sample before reading it', () => {
    expect(latencies([5, 1, 4, 2, 3])).toEqual({ p50: 3, p99: 5, n: 5 });
  });

  test('spread is the median of the runs with their range', () => {
    expect(spread([3, 1, 2], 1)).toEqual({ median: 2, text: '2.0 (1.0–3.0)' });
    expect(spread([0.5], 2)).toEqual({ median: 0.5, text: '0.50' });
  });

  test('target marks a met figure MET and a missed one NOT MET', () => {
    expect(target('x', '1', '≤ 2', true)).toBe('MET      x: 1 (target ≤ 2)');
    expect(target('x', '3', '≤ 2', false)).toBe('NOT MET  x: 3 (target ≤ 2)');
  });
});
