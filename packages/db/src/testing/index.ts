export { startTestServer, testRedisUrl } from './server.ts';
export {
  cloneTemplate,
  createTemplateDatabase,
  dropDatabase,
  otherTestRunsActive,
  type TestDatabase,
} from './template.ts';
export { useTestDatabase } from './vitest.ts';
