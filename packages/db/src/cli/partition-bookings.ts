import {
  bookingLayoutStatus,
  type ConversionPlan,
  ensureBookingPartitions,
  partitionBookings,
  planBookingPartitioning,
} from '../layouts/partition-bookings.ts';
import { createDb } from '../pool.ts';
import { runDatabaseCli } from './env.ts';

/**
 * The operator's entry to the partitioned bookings layout (packages/db/src/layouts/partition-bookings.ts,
 * docs/operations.md "Partitioning bookings"): `pnpm db:partition-bookings [status | convert [--dry-run]
 * [--through YYYY-MM-DD] | ensure [YYYY-MM-DD]]`, on the database db:migrate uses.
 */
const USAGE =
  'usage: partition-bookings [status | convert [--dry-run] [--through YYYY-MM-DD] | ensure [YYYY-MM-DD]]';

type Command =
  | { name: 'status' }
  | { name: 'convert'; dryRun: boolean; through?: string }
  | { name: 'ensure'; until?: string };

const isDate = (value: string | undefined): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

function parseArgs(args: string[]): Command {
  const [name = 'status', ...rest] = args;
  if (name === 'status' && rest.length === 0) return { name };
  if (name === 'ensure' && rest.length <= 1 && (rest[0] === undefined || isDate(rest[0]))) {
    return rest[0] === undefined ? { name } : { name, until: rest[0] };
  }
  if (name === 'convert') {
    let dryRun = false;
    let through: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--dry-run') dryRun = true;
      else if (rest[i] === '--through' && isDate(rest[i + 1])) through = rest[++i];
      else throw new Error(USAGE);
    }
    return through === undefined ? { name, dryRun } : { name, dryRun, through };
  }
  throw new Error(USAGE);
}

function printPlan(plan: ConversionPlan): void {
  const first = plan.years[0];
  const last = plan.years.at(-1);
  console.log(`rows to copy:                ${plan.rows}`);
  console.log(`yearly partitions:           ${first}…${last} (${plan.years.length}), plus bookings_default`);
  console.log(
    `indexes rebuilt:             bookings_pkey (booking_id, start_date), ${plan.indexes.join(', ')}`,
  );
  console.log(`triggers recreated:          ${plan.triggers.join(', ')}`);
  console.log(`foreign keys of bookings:    ${plan.foreignKeys.join(', ')}`);
  console.log(`foreign keys → booking_keys: ${plan.referencingForeignKeys.join(', ')}`);
}

runDatabaseCli(
  'stayhub-partition',
  () => parseArgs(process.argv.slice(2)),
  async (pool, command) => {
    const db = createDb({ pool });
    switch (command.name) {
      case 'status': {
        const status = await bookingLayoutStatus(db);
        if (status.layout === 'unpartitioned') {
          console.log(`bookings is not partitioned (${status.rows} rows)`);
          break;
        }
        for (const p of status.partitions) {
          const range = p.from === null ? 'DEFAULT' : `${p.from} … ${p.to}`;
          console.log(`${p.name.padEnd(20)} ${range.padEnd(28)} ~${p.rows} rows`);
        }
        const fallback = status.partitions.find((p) => p.from === null);
        if (fallback && fallback.rows > 0) {
          console.log(`${fallback.name} holds ${fallback.rows} rows: run \`ensure\` for their years`);
        }
        break;
      }
      case 'convert': {
        const options = command.through === undefined ? {} : { through: command.through };
        if (command.dryRun) {
          printPlan(await planBookingPartitioning(db, options));
          console.log('dry run: nothing changed');
          break;
        }
        const started = Date.now();
        printPlan(await partitionBookings(db, options));
        console.log(
          `bookings is partitioned (${((Date.now() - started) / 1000).toFixed(1)} s, one transaction)`,
        );
        break;
      }
      case 'ensure': {
        const until = command.until ?? `${new Date().getUTCFullYear() + 1}-12-31`;
        const result = await ensureBookingPartitions(db, until);
        if (result.created.length === 0) console.log(`partitions through ${until} exist already`);
        for (const name of result.created) console.log(`created ${name}`);
        if (result.movedFromDefault > 0) {
          console.log(`moved ${result.movedFromDefault} rows out of bookings_default`);
        }
        break;
      }
    }
  },
);
