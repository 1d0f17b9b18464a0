import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropDatabase, otherTestRunsActive, startTestServer } from './index.ts';

/**
 * Once per test run: find or start PostgreSQL, migrate a template database, and hand both names to the
 * test files, which clone the template (packages/db/src/testing). Teardown drops the template.
 */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.url);
  project.provide('dbServerUrl', server.url);
  project.provide('dbTemplate', template);
  return async () => {
    await dropDatabase(server.url, template);
    // Two runs on one machine share the embedded test server; the last one out stops it.
    if (!(await otherTestRunsActive(server.url))) await server.stop();
  };
}
