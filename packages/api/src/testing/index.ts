export { type TestDeps, useTestDeps } from './deps.ts';
export {
  createBooking,
  createProperty,
  createSignedInUser,
  createUser,
  TEST_PASSWORD,
  type TestUser,
} from './factories.ts';
export { type QueuedJob, queuedJobs, runDueJobs, runJobsDueBy } from './jobs.ts';
