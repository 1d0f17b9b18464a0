/**
 * `@stayhub/api/seed`: the demo data set the start command and `db:seed` load, and the perf data set
 * (`--scale`). It lives in the api so its prices, fees, dates and password hashes come from the api's own
 * rules rather than a copy of them.
 */
/** The stay-calendar arithmetic the seeds lay their data out with, for scripts that plan stays around it. */
export { addDays, todayIn } from '../domain/shared/dates.ts';
export { type DemoLogin, demoLogins } from './demo-users.ts';
export { describePerfSeed, progressReporter } from './perf/progress.ts';
export {
  type PerfSeedOptions,
  type PerfSeedProgress,
  type PerfSeedStep,
  type PerfSeedSummary,
  seedPerf,
} from './perf/seed-perf.ts';
export { type SeedOptions, type SeedStep, type SeedSummary, seedDemo } from './seed-demo.ts';
