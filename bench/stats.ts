/** The value at a percentile of a sorted sample (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** p50 and p99 of an unsorted sample. */
export function latencies(sample: readonly number[]): { p50: number; p99: number; n: number } {
  const sorted = [...sample].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

/** Median and range of a figure measured over several rounds, e.g. "0.41 (0.38–0.52)". */
export function spread(values: readonly number[], digits = 2): { median: number; text: string } {
  const sorted = [...values].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const range = sorted.length > 1 ? ` (${sorted[0]?.toFixed(digits)}–${sorted.at(-1)?.toFixed(digits)})` : '';
  return { median, text: `${median.toFixed(digits)}${range}` };
}

/** A target line: the figure, the goal, and whether it is met. */
export function target(label: string, value: string, goal: string, met: boolean): string {
  return `${met ? 'MET    ' : 'NOT MET'}  ${label}: ${value} (target ${goal})`;
}
