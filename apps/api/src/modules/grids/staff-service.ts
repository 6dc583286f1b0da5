import { sql } from 'kysely';
import type { GridRole } from '@civicgrid/shared/grids';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, conflict, notFound } from '../../core/errors.ts';
import { pathInScope } from '../../core/org-scope.ts';

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function gridInScope(ctx: SignedInContext, id: string) {
  const g = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.level', 'o.path'])
    .where('o.id', '=', id)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!g) throw notFound('grid');
  if (g.level !== 'grid' && g.level !== 'microgrid')
    throw badRequest('id', 'staff are assigned to grids and micro-grids');
  return g;
}

/** Staff of grids, with the person's phone (staff phones are work contacts, shown to colleagues). */
export async function listStaff(
  ctx: SignedInContext,
  f: {
    gridId?: string | undefined;
    userId?: string | undefined;
    gridRole?: GridRole | undefined;
    includeEnded: boolean;
  },
) {
  let q = ctx.db
    .selectFrom('grid_staff as s')
    .innerJoin('orgs as g', 'g.id', 's.grid_id')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.grid_id as gridId',
      'g.name as gridName',
      'g.code as gridCode',
      's.user_id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.phone',
      's.grid_role as gridRole',
      's.from_date as fromDate',
      's.to_date as toDate',
    ])
    .where(pathInScope(ctx.scope, sql.ref('g.path')))
    .orderBy('g.code')
    .orderBy('s.grid_role')
    .orderBy('s.from_date', 'desc')
    .limit(2000);
  if (f.gridId) q = q.where('s.grid_id', '=', f.gridId);
  if (f.userId) q = q.where('s.user_id', '=', f.userId);
  if (f.gridRole) q = q.where('s.grid_role', '=', f.gridRole);
  if (!f.includeEnded) q = q.where('s.to_date', 'is', null);
  return q.execute();
}

export async function assignStaff(
  ctx: SignedInContext,
  gridId: string,
  input: { userId: string; gridRole: GridRole; fromDate?: string | undefined },
) {
  return inTransaction(ctx, async (tx) => {
    const grid = await gridInScope(tx, gridId);
    const user = await tx.db
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.username', 'u.status'])
      .where('u.id', '=', input.userId)
      .where(pathInScope(tx.scope, sql.ref('o.path')))
      .executeTakeFirst();
    if (!user) throw badRequest('userId', 'no such user in your part of the tree');
    if (user.status !== 'active') throw badRequest('userId', 'the account is disabled');
    const fromDate = input.fromDate ?? shanghaiDate(tx.clock.now());
    const active = await tx.db
      .selectFrom('grid_staff')
      .select('id')
      .where('grid_id', '=', gridId)
      .where('user_id', '=', input.userId)
      .where('grid_role', '=', input.gridRole)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (active)
      throw conflict('this person already holds this role in this grid', { assignmentId: active.id });
    const { id } = await tx.db
      .insertInto('grid_staff')
      .values({ grid_id: gridId, user_id: input.userId, grid_role: input.gridRole, from_date: fromDate })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'grid.staff_assign',
      entityType: 'grid_staff',
      entityId: id,
      orgId: gridId,
      summary: `${user.username} serves ${grid.name} as ${input.gridRole} from ${fromDate}`,
      after: { userId: input.userId, gridRole: input.gridRole, fromDate },
    });
    const [row] = await listStaff(tx, {
      gridId,
      userId: input.userId,
      gridRole: input.gridRole,
      includeEnded: false,
    });
    return row!;
  });
}

/** Ends an assignment; the row stays as history. */
export async function endStaff(ctx: SignedInContext, assignmentId: string, toDate?: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('grid_staff as s')
      .innerJoin('orgs as g', 'g.id', 's.grid_id')
      .select([
        's.id',
        's.grid_id as gridId',
        'g.name as gridName',
        's.from_date as fromDate',
        's.to_date as toDate',
        's.grid_role as gridRole',
      ])
      .where('s.id', '=', assignmentId)
      .where(pathInScope(tx.scope, sql.ref('g.path')))
      .executeTakeFirst();
    if (!row) throw notFound('assignment');
    if (row.toDate) throw conflict('the assignment has already ended');
    const end = toDate ?? shanghaiDate(tx.clock.now());
    if (end < row.fromDate)
      throw new AppError('VALIDATION_FAILED', 400, 'toDate: before the start of the assignment', {
        fields: [{ path: 'toDate', message: 'before the start of the assignment' }],
      });
    await tx.db
      .updateTable('grid_staff')
      .set({ to_date: end, ended_at: tx.clock.now() })
      .where('id', '=', assignmentId)
      .execute();
    await audit(tx, {
      action: 'grid.staff_end',
      entityType: 'grid_staff',
      entityId: assignmentId,
      orgId: row.gridId,
      summary: `ended a ${row.gridRole} assignment in ${row.gridName} on ${end}`,
      before: { toDate: null },
      after: { toDate: end },
    });
    const [after] = (await listStaff(tx, { gridId: row.gridId, includeEnded: true })).filter(
      (r) => r.id === assignmentId,
    );
    return after!;
  });
}

/** Active staff per grid in one grouped query, for colouring a whole district's map. */
export async function staffCounts(ctx: SignedInContext) {
  const rows = await ctx.db
    .selectFrom('grid_staff as s')
    .innerJoin('orgs as g', 'g.id', 's.grid_id')
    .select(['s.grid_id as gridId', sql<number>`count(DISTINCT s.user_id)::int`.as('count')])
    .where(pathInScope(ctx.scope, sql.ref('g.path')))
    .where('s.to_date', 'is', null)
    .groupBy('s.grid_id')
    .execute();
  return rows;
}
