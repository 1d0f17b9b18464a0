/** `@stayhub/db/seed`: the demo data set the start command and `db:seed` load. */
export { type DemoLogin, demoLogins } from './demo-users.ts';
export { type SeedOptions, type SeedStep, type SeedSummary, seedDemo } from './seed-demo.ts';
