import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const globalSetup = ['packages/db/src/testing/global-setup.ts'];

/**
 * Tests run the TypeScript sources: the workspace packages' `@stayhub/source` export condition points at
 * src/*.ts, their `default` at the compiled dist/*.js (which `node` runs in production). The rest are Vite's
 * server defaults.
 */
const conditions = ['@stayhub/source', 'module', 'node', 'development|production'];

/**
 * Three projects (STYLE "Tests"): unit (pure rules, no I/O), integration (services and routers against
 * real Postgres + Redis), e2e (the SDK over HTTP against a started server).
 */
/**
 * graphql ships CommonJS (`main`) and ESM (`module`) builds; Node loads the CommonJS one for every package
 * (yoga, Pothos, graphql-armor), Vite would pick the ESM one for sources. Two copies break graphql-js's
 * `instanceof` checks, so sources get the one Node loads, as in production.
 */
const graphqlEntry = createRequire(new URL('./packages/api/package.json', import.meta.url)).resolve(
  'graphql',
);

export default defineConfig({
  ssr: { resolve: { conditions } },
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    globalSetup,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{packages,apps}/*/test/unit/**/*.test.ts', 'deploy/test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            '{packages,apps}/*/test/integration/**/*.test.ts',
            'deploy/test/integration/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [
            '{packages,apps}/*/test/e2e/**/*.test.ts',
            'deploy/test/e2e/**/*.test.ts',
            'examples/*/e2e/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
