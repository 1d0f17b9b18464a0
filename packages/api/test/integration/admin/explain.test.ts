import { CompiledQuery, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditRows } from '../../../src/domain/admin/audit.queries.ts';
import { createUser, useTestDeps } from '../../../src/testing/index.ts';

const deps = await useTestDeps();

let actorId = '';
let targetId = '';

/**
 * SPEC §3: the audit log's filters and its newest-first keyset are served by its indexes. 20 000 rows by
 * 20 admins about 2 000 targets, analyzed; each plan is printed for the record.
 */
beforeAll(async () => {
  const actors = await Promise.all(Array.from({ length: 20 }, () => createUser(deps.db, { role: 'admin' })));
  actorId = actors[0]?.userId ?? '';
  await sql`
    insert into admin_audit_log (actor_id, action, target_type, target_id, reason, created_at)
    select (${sql.raw(`array[${actors.map((a) => `'${a.userId}'::uuid`).join(',')}]`)})[1 + i % 20],
           (array['suspend_user','reinstate_user','suspend_property','cancel_booking'])[1 + i % 4],
           'user', md5('t' || (i % 2000))::uuid, 'bulk', now() - i * interval '1 minute'
    from generate_series(1, 20000) as i`.execute(deps.db);
  const row = await deps.db
    .selectFrom('admin_audit_log')
    .select('target_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  targetId = row.target_id;
  await sql`analyze admin_audit_log`.execute(deps.db);
}, 60_000);

async function plan(filter: Parameters<typeof listAuditRows>[1]): Promise<string> {
  const query = listAuditRows(deps.db, filter).compile();
  const result = await deps.db.executeQuery(CompiledQuery.raw(`EXPLAIN ${query.sql}`, [...query.parameters]));
  const text = result.rows.map((r) => String(Object.values(Object(r))[0])).join('\n');
  console.info(`${JSON.stringify({ ...filter, after: filter.after ? 'cursor' : undefined })}\n${text}`);
  return text;
}

const page = { after: undefined, limit: 51 };
const cursor = { at: '2026-01-01T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' };

describe('EXPLAIN of admin.auditLog', () => {
  it('reads the newest page, and the page after a cursor, from admin_audit_log_newest_idx', async () => {
    expect(await plan(page)).toContain('admin_audit_log_newest_idx');
    expect(await plan({ ...page, after: cursor })).toContain('admin_audit_log_newest_idx');
  });

  it('reads an actor’s, a target’s and an action’s pages from their own indexes', async () => {
    expect(await plan({ ...page, actorId })).toContain('admin_audit_log_actor_idx');
    expect(await plan({ ...page, targetId })).toContain('admin_audit_log_target_idx');
    expect(await plan({ ...page, action: 'reinstate_user', after: cursor })).toMatch(
      /admin_audit_log_(action|newest)_idx/,
    );
  });

  it('never scans the whole table for a time range', async () => {
    const text = await plan({ ...page, from: new Date('2025-01-01'), to: new Date('2025-02-01') });
    expect(text).not.toContain('Seq Scan on admin_audit_log');
  });
});
