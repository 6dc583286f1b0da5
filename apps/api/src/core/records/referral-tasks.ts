import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '@civicgrid/shared/permissions';
import type { SignedInContext } from '../context.ts';
import { pathInScope } from '../org-scope.ts';
import { decodeCursor } from '../paging.ts';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../tasks/registry.ts';
import { answerPermission, registeredOwnerTypes } from './owners.ts';

/** The receiver's box on the web: the referral cannot open its record before it is accepted. */
export const REFERRAL_INBOX_URL = '/tasks?kind=referral.incoming';

/**
 * What waits on the caller: pending, sent to the caller's subtree but not from it (a district's own transfer to a
 * street waits on the street, not on the district), of a record type and kind the caller may answer.
 */
function waiting(ctx: SignedInContext) {
  const pairs = registeredOwnerTypes().flatMap((def) =>
    (['transfer', 'referral', 'invite'] as const)
      .filter((kind) => ctx.user.permissions.has(answerPermission(def, kind)))
      .map((kind) => ({ type: def.type, kind })),
  );
  if (!pairs.length) return null;
  return ctx.db
    .selectFrom('referrals as r')
    .where('r.status', '=', 'pending')
    .where(pathInScope(ctx.scope, sql.ref('r.to_path')))
    .where(sql<SqlBool>`not (${pathInScope(ctx.scope, sql.ref('r.from_path'))})`)
    .where((eb) =>
      eb.or(
        pairs.map((p) =>
          eb.and([eb('r.owner_type', '=', p.type), eb('r.kind', '=', p.kind)]),
        ) as Expression<SqlBool>[],
      ),
    );
}

async function count(ctx: SignedInContext) {
  const q = waiting(ctx);
  if (!q) return 0;
  const row = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function list(ctx: SignedInContext, page: { limit: number; cursor?: string | undefined }) {
  const q = waiting(ctx);
  if (!q) return { items: [], nextCursor: null };
  let rows = q
    .select(['r.id', 'r.owner_type', 'r.owner_id', 'r.due_at'])
    .orderBy('r.due_at', 'asc')
    .orderBy('r.id', 'asc')
    .limit(page.limit + 1);
  const after = decodeCursor(page.cursor, 2) as [string, string] | null;
  if (after)
    rows = rows.where(sql<SqlBool>`(r.due_at, r.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const found = await rows.execute();
  // Labels through each owner type's own describe: the parts never read an owner's table.
  const labels = new Map<string, string>();
  for (const def of registeredOwnerTypes()) {
    const ids = found.filter((r) => r.owner_type === def.type).map((r) => r.owner_id);
    if (ids.length)
      for (const [id, info] of await def.describe(ctx.db, ids)) labels.set(`${def.type}:${id}`, info.label);
  }
  return taskKindPage(
    found,
    page.limit,
    (r) => [r.due_at.toISOString(), r.id],
    (r) => ({
      ownerType: r.owner_type,
      ownerId: r.owner_id,
      title: labels.get(`${r.owner_type}:${r.owner_id}`) ?? r.owner_type,
      dueAt: r.due_at.toISOString(),
      url: REFERRAL_INBOX_URL,
    }),
  );
}

let kind: TaskKindDef | undefined;

/**
 * Puts referrals waiting for an answer into 我的待办. A core part, like the referrals themselves: it covers every
 * registered owner type, so a module adding one (permits, petitions) gets its referrals listed without code of
 * its own. Call after the owner types are registered; idempotent (every app built in a process calls it).
 */
export function registerReferralTaskKind() {
  kind ??= {
    kind: 'referral.incoming',
    module: 'records',
    label: { zh: '待接收转办', en: 'Referrals to answer' },
    // Reading some record type is the least any answer needs (a transfer takes its refer permission too).
    anyOf: [...new Set(registeredOwnerTypes().map((d) => d.permissions.read))] as Permission[],
    count,
    list,
  };
  registerTaskKind(kind);
}
