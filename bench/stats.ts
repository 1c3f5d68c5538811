/** The value at a percentile of a sample (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** A target line: the figure, the goal, and whether it is met. */
export function target(label: string, value: string, goal: string, met: boolean): string {
  return `${met ? 'MET    ' : 'NOT MET'}  ${label}: ${value} (target ${goal})`;
}
