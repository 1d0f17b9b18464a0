/** Small helpers every benchmark script shares: arguments, progress lines, number formatting, percentiles. */

/** A `--name` flag that must be a positive integer; throws with the flag's name otherwise. */
export function positiveInt(value: string | undefined, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

/** Progress goes to stderr, so stdout carries only the figures. */
export const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** The nearest-rank percentile (q in 0..1) of an ascending array; NaN when it is empty. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
