import { type Kysely, sql } from 'kysely';

/**
 * The worker process registry (crash recovery, README "Jobs and workers"). graphile-worker keeps a job
 * that a killed worker had locked locked for 4 hours; each worker process registers here the ids under
 * which its graphile-worker locks jobs, heartbeats, and deletes its row when it stops cleanly. A row
 * whose process is gone (same host and pid namespace, pid no longer exists) or whose heartbeat is stale
 * marks a dead process: another worker releases its locks (graphile_worker.force_unlock_workers) and
 * deletes the row, in one transaction.
 *
 * heartbeat_at is written with the database's now(), and staleness is judged against it too, so clocks
 * of different hosts never disagree about it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE worker_processes (
      worker_process_id uuid PRIMARY KEY,
      hostname text NOT NULL CHECK (char_length(hostname) BETWEEN 1 AND 255),
      -- The process's pid namespace (Linux: readlink /proc/self/ns/pid), so a pid is only probed from
      -- the namespace it means something in; null where the platform does not say.
      pid_namespace text CHECK (char_length(pid_namespace) BETWEEN 1 AND 100),
      pid integer NOT NULL CHECK (pid > 0),
      -- Every id this process's graphile-worker writes into jobs.locked_by (pool and worker ids).
      worker_ids text[] NOT NULL DEFAULT '{}',
      started_at timestamptz NOT NULL DEFAULT now(),
      heartbeat_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE worker_processes`.execute(db);
}
