import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Agent, type TestApp } from '../test-support/test-app.ts';
import { audit } from './audit.ts';
import { chainAudit } from './audit-chain.ts';
import { systemClock } from './clock.ts';

/** Issue 23 item 13: the audit trail carries a hash chain; the audit administrator's check names what broke. */
let t: TestApp;
let auditor: Agent;

beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

const writer = () => ({
  db: t.db.db,
  clock: systemClock,
  user: null,
  ip: '192.0.2.1',
  userAgent: 'chain-test',
});

/** What someone with the database owner's rights can do: switch off the append-only triggers and edit. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.db.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await statement.execute(tx);
  });
}

async function rowsCount() {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.db.db);
  return r.rows[0]!.n;
}

describe('audit hash chain', () => {
  it('links every row, also while many writers and chainers run at once', async () => {
    await Promise.all([
      ...Array.from({ length: 60 }, (_, i) =>
        audit(writer(), { action: 'test.parallel', entityType: 'test', summary: `write ${i}` }),
      ),
      ...Array.from({ length: 4 }, () => chainAudit(t.db.db)),
    ]);
    const r = await auditor.get('/api/audit/verify');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ ok: true, firstBroken: null });
    // Every row written before the check is in the chain exactly once.
    expect(r.body.checked).toBe((await rowsCount()) - 1); // the check's own audit row comes after it
    const seqs = await sql<{ n: number; distinct_ids: number; max: number }>`
      SELECT count(*)::int AS n, count(DISTINCT audit_id)::int AS distinct_ids, max(seq)::int AS max FROM audit_chain`.execute(
      t.db.db,
    );
    expect(seqs.rows[0]).toEqual({ n: r.body.checked, distinct_ids: r.body.checked, max: r.body.checked });
    expect((await (await t.login('admin')).get('/api/audit/verify')).status).toBe(403);
  });

  it('names the first altered row, and holds again once it is put back', async () => {
    const victim = await t.db.db
      .selectFrom('audit_log')
      .select(['id', 'summary'])
      .where('action', '=', 'test.parallel')
      .orderBy('id')
      .offset(10)
      .executeTakeFirstOrThrow();
    await tamper(sql`UPDATE audit_log SET summary = 'nothing happened' WHERE id = ${victim.id}`);
    const r = await auditor.get('/api/audit/verify');
    expect(r.body.ok).toBe(false);
    expect(r.body.firstBroken).toMatchObject({ reason: 'altered', auditId: String(victim.id) });
    const failed = await t.db.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'audit.verify_failed')
      .execute();
    expect(failed).toHaveLength(1);

    await tamper(sql`UPDATE audit_log SET summary = ${victim.summary} WHERE id = ${victim.id}`);
    expect((await auditor.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('finds a row inserted around the chain with an old time', async () => {
    const old = new Date(Date.now() - 2 * 86_400_000);
    const { id } = await t.db.db
      .insertInto('audit_log')
      .values({ at: old, action: 'user.role_grant', entity_type: 'user', summary: 'back-dated' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await auditor.get('/api/audit/verify')).body.firstBroken).toEqual({
      reason: 'unchained',
      auditId: String(id),
    });
    await tamper(sql`DELETE FROM audit_log WHERE id = ${id}`);
    expect((await auditor.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('names a deleted row, then a deleted link, the earliest break first', async () => {
    const [a, b] = await t.db.db
      .selectFrom('audit_chain')
      .select(['seq', 'audit_id'])
      .orderBy('seq')
      .offset(20)
      .limit(2)
      .execute();
    await tamper(sql`DELETE FROM audit_log WHERE id = ${b!.audit_id}`);
    expect((await auditor.get('/api/audit/verify')).body.firstBroken).toEqual({
      reason: 'missing_row',
      seq: String(b!.seq),
      auditId: String(b!.audit_id),
    });
    // Removing the link as well leaves a gap in the sequence.
    await tamper(sql`DELETE FROM audit_chain WHERE seq = ${b!.seq}`);
    expect((await auditor.get('/api/audit/verify')).body.firstBroken).toEqual({
      reason: 'missing_link',
      seq: String(b!.seq),
    });
    // Earlier breaks are reported first; a row with an old time that no link covers is found too.
    await tamper(sql`DELETE FROM audit_log WHERE id = ${a!.audit_id}`);
    expect((await auditor.get('/api/audit/verify')).body.firstBroken).toMatchObject({ seq: String(a!.seq) });
  });
});
