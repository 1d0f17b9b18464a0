/**
 * Named failpoints: places where a test may make this process die on purpose, to prove that work resumes
 * correctly after a crash (SPEC §6: a worker SIGKILLed before the provider call, after it, after the
 * database write). Off unless FAILPOINTS names them, and refused in production (config.ts).
 */
export const failpointNames = [
  'charge.before_provider',
  'charge.after_provider',
  'charge.after_commit',
] as const;
export type FailpointName = (typeof failpointNames)[number];

export interface Failpoints {
  /** Called at the named place; does nothing unless that failpoint is armed. */
  hit(name: FailpointName): void;
}

export const noFailpoints: Failpoints = { hit: () => {} };

/** A failpoint that kills this process with SIGKILL — no cleanup, no graceful shutdown, like a crash. */
export function killAt(armed: readonly FailpointName[]): Failpoints {
  if (armed.length === 0) return noFailpoints;
  const set = new Set<FailpointName>(armed);
  return {
    hit: (name) => {
      if (set.has(name)) process.kill(process.pid, 'SIGKILL');
    },
  };
}
