import type { TestProject } from 'vitest/node';
import type { EmbeddedHandle } from '../embedded.ts';
import { createTemplateDatabase, dropDatabase, startTestServer } from './index.ts';

interface SharedTestDatabase {
  server: EmbeddedHandle;
  template: string;
}

/**
 * What every project of this vitest process shares. Vitest runs a global setup once for the root config and
 * once more for each project that extends it, each in a module graph of its own, so module state is not
 * shared between them: this lives on `globalThis`. One setup per project, each stopping the server only if
 * it had started it, left the embedded server running (and vitest's close timing out on its child process)
 * whenever a project that had only found it running finished last; now one template serves them all and the
 * last teardown out stops the server.
 */
const state = globalThis as {
  [key: symbol]: { users: number; shared: Promise<SharedTestDatabase> } | undefined;
};
const key = Symbol.for('stayhub.test-database');

async function start(): Promise<SharedTestDatabase> {
  const server = await startTestServer();
  return { server, template: await createTemplateDatabase(server.url) };
}

/**
 * Once per test run: find or start PostgreSQL, migrate a template database, and hand both names to the
 * test files, which clone the template (packages/db/src/testing). The last teardown drops the template and
 * stops an embedded server, unless another test run on this machine still uses it (startTestServer).
 */
export default async function setup(project: TestProject) {
  state[key] ??= { users: 0, shared: start() };
  const entry = state[key];
  entry.users++;
  const { server, template } = await entry.shared;
  project.provide('dbServerUrl', server.url);
  project.provide('dbTemplate', template);
  return async () => {
    entry.users--;
    if (entry.users > 0) return;
    state[key] = undefined;
    await dropDatabase(server.url, template);
    await server.stop();
  };
}
