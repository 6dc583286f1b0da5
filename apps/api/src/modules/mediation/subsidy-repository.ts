import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import type { MediationSubsidyTable } from '../../db/schema-mediation-stars.ts';

/** SQL of 以案定补: one subsidy row per dispute, read inside the caller's subtree by the mediator's org path. */

/** A dispute agreed again after a reopening gets its withdrawn proposal back with fresh figures. */
export async function upsertProposal(db: Db, row: Insertable<MediationSubsidyTable>) {
  await db
    .insertInto('mediation_subsidies')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('dispute_id')
        .doUpdateSet((eb) => ({
          mediator_id: eb.ref('excluded.mediator_id'),
          body_id: eb.ref('excluded.body_id'),
          org_path: eb.ref('excluded.org_path'),
          quarter: eb.ref('excluded.quarter'),
          tier: eb.ref('excluded.tier'),
          proposed_tier: eb.ref('excluded.proposed_tier'),
          base_amount: eb.ref('excluded.base_amount'),
          stars: eb.ref('excluded.stars'),
          multiplier: eb.ref('excluded.multiplier'),
          amount: eb.ref('excluded.amount'),
          status: 'proposed',
          reason: null,
          proposed_at: eb.ref('excluded.proposed_at'),
          version: sql`mediation_subsidies.version + 1`,
        }))
        .where('mediation_subsidies.status', '=', 'withdrawn'),
    )
    .execute();
}

/** The first assigned mediator, or else the acting user's mediator row at the holding body. */
export async function leadMediator(db: Db, firstId: string | null, userId: string | null, bodyId: string) {
  const q = db.selectFrom('mediators').select(['id', 'body_id', 'org_path', 'stars']);
  if (firstId) return q.where('id', '=', firstId).executeTakeFirst();
  if (!userId) return undefined;
  return q
    .where('user_id', '=', userId)
    .where('body_id', '=', bodyId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** A reopened dispute's proposal no longer stands; a decided one stays as decided. */
export async function withdrawProposal(db: Db, disputeId: string) {
  await db
    .updateTable('mediation_subsidies')
    .set({ status: 'withdrawn', version: sql`version + 1` })
    .where('dispute_id', '=', disputeId)
    .where('status', '=', 'proposed')
    .execute();
}

const columns = [
  's.id',
  's.dispute_id',
  's.mediator_id',
  's.body_id',
  's.quarter',
  's.tier',
  's.proposed_tier',
  's.base_amount',
  's.stars',
  's.multiplier',
  's.amount',
  's.status',
  's.reason',
  's.proposed_at',
  's.decided_by_name',
  's.decided_at',
  's.decision_key',
  's.decision_hash',
  's.version',
  'd.number as dispute_number',
  'd.type as dispute_type',
  'm.name as mediator_name',
  'b.name as body_name',
  'b.org_id',
] as const;

function base(db: Db, scope: OrgScope) {
  return db
    .selectFrom('mediation_subsidies as s')
    .innerJoin('disputes as d', 'd.id', 's.dispute_id')
    .innerJoin('mediators as m', 'm.id', 's.mediator_id')
    .innerJoin('mediation_bodies as b', 'b.id', 's.body_id')
    .where(pathInScope(scope, sql.ref('s.org_path')));
}

export async function findSubsidy(db: Db, scope: OrgScope, id: string, lock = false) {
  let q = base(db, scope).select(columns).where('s.id', '=', id);
  if (lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}
export type SubsidyRow = NonNullable<Awaited<ReturnType<typeof findSubsidy>>>;

export interface SubsidyFilter {
  quarter?: string | undefined;
  status?: string | undefined;
  tier?: string | undefined;
  bodyId?: string | undefined;
  mediatorId?: string | undefined;
}

function filtered(db: Db, scope: OrgScope, f: SubsidyFilter) {
  let q = base(db, scope);
  if (f.quarter) q = q.where('s.quarter', '=', f.quarter);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.tier) q = q.where('s.tier', '=', f.tier);
  if (f.bodyId) q = q.where('s.body_id', '=', f.bodyId);
  if (f.mediatorId) q = q.where('s.mediator_id', '=', f.mediatorId);
  return q;
}

/** Newest first; the count and the sum are of every row the filters match, not of the page. */
export async function listSubsidies(
  db: Db,
  scope: OrgScope,
  f: SubsidyFilter & { limit: number; cursor?: string | undefined },
) {
  let q = filtered(db, scope, f).select(columns);
  const after = decodeCursor(f.cursor, 2);
  if (after) {
    const at = new Date(String(after[0]));
    const id = String(after[1]);
    q = q.where((eb) =>
      eb.or([eb('s.proposed_at', '<', at), eb.and([eb('s.proposed_at', '=', at), eb('s.id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('s.proposed_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const sums = await filtered(db, scope, f)
    .select([sql<number>`count(*)::int`.as('n'), sql<string>`coalesce(sum(s.amount), 0)::text`.as('amount')])
    .executeTakeFirstOrThrow();
  return {
    ...pageOf(rows, f.limit, (r) => [r.proposed_at.toISOString(), r.id]),
    total: sums.n,
    totalAmount: Number(sums.amount),
  };
}

export const GROUPS = ['quarter', 'body', 'mediator'] as const;
export type SubsidyGroup = (typeof GROUPS)[number];

/** Count and sum per quarter, body or mediator, for the ledger's totals. */
export async function subsidyTotals(db: Db, scope: OrgScope, f: SubsidyFilter, by: SubsidyGroup) {
  const key = by === 'quarter' ? sql.ref('s.quarter') : by === 'body' ? sql.ref('b.id') : sql.ref('m.id');
  const name =
    by === 'quarter' ? sql.ref('s.quarter') : by === 'body' ? sql.ref('b.name') : sql.ref('m.name');
  const rows = await filtered(db, scope, f)
    .select([
      sql<string>`${key}::text`.as('key'),
      sql<string>`min(${name})`.as('name'),
      sql<number>`count(*)::int`.as('count'),
      sql<string>`coalesce(sum(s.amount), 0)::text`.as('amount'),
    ])
    .groupBy(key)
    .orderBy(sql`min(${name})`)
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

export async function decideSubsidy(
  db: Db,
  id: string,
  set: Partial<{
    status: string;
    tier: string;
    base_amount: number;
    amount: number;
    reason: string | null;
    decided_by: string;
    decided_by_name: string;
    decided_at: Date;
    decision_key: string | null;
    decision_hash: string | null;
  }>,
) {
  await db
    .updateTable('mediation_subsidies')
    .set({ ...set, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}
