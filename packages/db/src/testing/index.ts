export { freePort } from './ports.ts';
export { startTestServer, testRedisUrl } from './server.ts';
export {
  cloneTemplate,
  createTemplateDatabase,
  dropDatabase,
  TEST_LAYOUTS,
  type TestDatabase,
  type TestLayout,
  testLayout,
} from './template.ts';
export { useTestDatabase } from './vitest.ts';
