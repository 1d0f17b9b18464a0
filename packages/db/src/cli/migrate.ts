import { Kysely, PostgresDialect } from 'kysely';
import { migrateDown, migrateToLatest, migrateToZero, migrationStatus } from '../migrator.ts';
import { runDatabaseCli } from './env.ts';

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

runDatabaseCli(
  'stayhub-migrate',
  () => parseArgs(process.argv.slice(2)),
  async (pool, command) => {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run untyped (frozen in time).
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
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
  },
);
