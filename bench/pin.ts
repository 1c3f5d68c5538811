import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The server's core and the load's core: separate when there are two or more. */
export const CORES = { server: availableParallelism() > 1 ? 1 : 0, load: 0 } as const;

/** A command pinned to one CPU core with taskset where it exists (Linux), else as given. */
export function pinned(core: number, command: string, args: readonly string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', String(core), command, ...args]] : [command, [...args]];
}

/** Whether pinning is in effect, for the report. */
export const PINNING = hasTaskset ? 'pinned with taskset' : 'NOT pinned (no taskset)';
