/** `@stayhub/db/seed`: the demo data set the start command and `db:seed` load, and the perf data set (`--scale`). */
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
