export { type TestDeps, useTestDeps } from './deps.ts';
