export {
  type Caller,
  type CallerRole,
  callerAs,
  callerFor,
  type Failure,
  failureFrom,
  failureOf,
  nextIp,
  outcomeOf,
  type SignedIn,
  signedIn,
  trpcErrorOf,
} from './callers.ts';
export { TEST_PUBLIC_URL, type TestDeps, useTestDeps } from './deps.ts';
export {
  createBooking,
  createProperty,
  createSignedInUser,
  createUser,
  insertPhotos,
  TEST_PASSWORD,
  type TestUser,
} from './factories.ts';
export { type QueuedJob, queuedJobs, runDueJobs, runJobsDueBy } from './jobs.ts';
export { RedisServer } from './redis-server.ts';
