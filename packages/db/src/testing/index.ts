export { freePort } from './ports.ts';
export { startTestServer, testRedisUrl } from './server.ts';
export {
  cloneTemplate,
  createTemplateDatabase,
  dropDatabase,
  type TestDatabase,
} from './template.ts';
export { useTestDatabase } from './vitest.ts';
