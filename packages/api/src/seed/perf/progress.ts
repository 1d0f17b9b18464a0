import type { PerfSeedProgress, PerfSeedSummary } from './seed-perf.ts';

const WIDTH = 30;
const number = (n: number) => n.toLocaleString('en-US');

/**
 * Renders perf-seed progress on a stream (stderr): a bar redrawn in place on a terminal, or a line per
 * 10 % when the output is a file or a pipe (CI logs stay readable).
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDecile = -1;
  let lastStep = '';
  return (progress: PerfSeedProgress): void => {
    const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const label = `${progress.step.padEnd(8)} ${number(progress.done).padStart(9)}/${number(progress.total)}`;
    if (stream.isTTY) {
      const filled = Math.round(fraction * WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${label}  ${seconds}s`);
      if (progress.done === progress.total) stream.write('\n');
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (progress.step === lastStep && decile === lastDecile) return;
    lastStep = progress.step;
    lastDecile = decile;
    stream.write(`${label} (${Math.round(fraction * 100)}%)  ${seconds}s\n`);
  };
}

/** The summary and per-table timings, one line each. */
export function describePerfSeed(summary: PerfSeedSummary): string[] {
  const counts = [
    `${number(summary.users)} users`,
    `${number(summary.properties)} properties`,
    `${number(summary.photos)} photos`,
    `${number(summary.amenities)} amenity links`,
    `${number(summary.holds)} holds (${number(summary.heldNights)} nights, ${number(summary.bookings)} of them bookings)`,
  ];
  const timings = Object.entries(summary.timings).map(
    ([step, ms]) => `${step.padEnd(20)} ${(ms / 1000).toFixed(2).padStart(7)} s`,
  );
  return [`inserted ${counts.join(', ')}`, ...timings];
}
