/**
 * `npm start`: the whole of StayHub on one machine. Brings up PostgreSQL (embedded unless DATABASE_URL is
 * set), migrates, seeds the demo data, then runs the API server and the worker as two child processes and
 * prints where to go. SIGTERM/SIGINT stop the children first (they drain), then PostgreSQL.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig } from '@stayhub/api/runtime';
import { demoLogins, seedDemo } from '@stayhub/api/seed';
import {
  createDb,
  createPool,
  EXIT_STARTUP_FAILURE,
  failStartup,
  migrateToLatest,
  StartupError,
} from '@stayhub/db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'stayhub-stack' });

/** DATABASE_URL, or the embedded server run by a detached child that we stop last. */
async function openDatabase(): Promise<{ url: string; owner: ChildProcess | null }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, owner: null };
  const owner = fork(path.join(root, 'scripts/embedded-db.ts'), [], {
    cwd: root,
    detached: true,
    execArgv: ['--conditions=@stayhub/source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    owner.once('message', (message) => {
      if (typeof message === 'object' && message && 'url' in message && typeof message.url === 'string') {
        resolve(message.url);
      } else if (
        typeof message === 'object' &&
        message &&
        'error' in message &&
        typeof message.error === 'string'
      ) {
        reject(new StartupError(message.error));
      } else reject(new Error('unexpected message from the database process'));
    });
    owner.once('exit', (code) => reject(new Error(`the database process exited (code ${code})`)));
  });
  return { url, owner };
}

const database = await openDatabase().catch((error) => failStartup(error));
const pool = createPool({ connectionString: database.url, max: 4, applicationName: 'stayhub-setup' });
const db = createDb({ pool });
try {
  const applied = await migrateToLatest(db, pool).catch((error) =>
    failStartup(error, { databaseUrl: config.DATABASE_URL }),
  );
  logger.info({ applied: applied.length }, applied.length ? 'migrated' : 'schema up to date');
  if (config.SEED_DEMO) {
    const seeded = await seedDemo(db, {
      onProgress: (step) => logger.info({ step }, 'seeding demo data'),
    });
    logger.info(seeded, 'demo data ready');
  }
} finally {
  await db.destroy();
}

const childEnv = { ...process.env, DATABASE_URL: database.url };
const children = new Map<string, ChildProcess>();
let stopping = false;

/**
 * A supervisor, as one would be in production: a server or worker that exits unexpectedly is started again
 * after a backoff (1 s, doubling to 30 s; reset once a run lasted a minute). A process that exits with
 * EXIT_STARTUP_FAILURE has explained a problem a restart cannot fix (a port in use, an unreachable
 * database), and so has one that keeps failing: then the rest of the stack stops too.
 */
const MAX_QUICK_FAILURES = 6;
const STABLE_AFTER_MS = 60_000;

function launch(name: string, entry: string, failures = 0): void {
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['--conditions=@stayhub/source', '--import', 'tsx', entry], {
    cwd: root,
    env: childEnv,
    stdio: 'inherit',
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) {
      if (children.size === 0) void finish();
      return;
    }
    const quickFailures = Date.now() - startedAt >= STABLE_AFTER_MS ? 1 : failures + 1;
    if (code === EXIT_STARTUP_FAILURE || quickFailures > MAX_QUICK_FAILURES) {
      logger.error({ process: name, code, signal }, 'a StayHub process cannot start; shutting the rest down');
      void stop(1);
      return;
    }
    const delayMs = Math.min(30_000, 1_000 * 2 ** (quickFailures - 1));
    logger.error(
      { process: name, code, signal, restartInMs: delayMs },
      'a StayHub process stopped; restarting it',
    );
    const timer = setTimeout(() => {
      restarts.delete(name);
      if (!stopping) launch(name, entry, quickFailures);
    }, delayMs);
    restarts.set(name, timer);
  });
}
const restarts = new Map<string, NodeJS.Timeout>();

let exitCode = 0;
async function finish(): Promise<void> {
  const owner = database.owner;
  if (owner && owner.exitCode === null) {
    await new Promise((resolve) => {
      owner.once('exit', resolve);
      owner.kill('SIGTERM');
    });
  }
  logger.info('stopped');
  process.exit(exitCode);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const timer of restarts.values()) clearTimeout(timer);
  restarts.clear();
  if (children.size === 0) return finish();
  for (const child of children.values()) child.kill('SIGTERM');
}

process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

launch('server', 'apps/server/src/main.ts');
launch('worker', 'apps/worker/src/main.ts');

const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
const logins = config.SEED_DEMO
  ? demoLogins.map((l) => `    ${l.role.padEnd(6)} ${l.email.padEnd(28)} ${l.password}`).join('\n')
  : '    (SEED_DEMO=false: no demo accounts)';
process.stdout.write(
  `\nStayHub is starting at ${url}\n  tRPC:      ${url}/trpc\n  liveness:  ${url}/healthz\n  readiness: ${url}/readyz\n  demo logins:\n${logins}\n  Ctrl-C stops everything.\n\n`,
);
