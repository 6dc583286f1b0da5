import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { pathInScope, type OrgScope } from '../../core/org-scope.ts';

/** A corrections file as the workflow reads it: its person's sex and team for the announce checks. */
export async function correctionsRow(
  db: Db,
  scope: OrgScope,
  id: string,
  user?: { permissions: ReadonlySet<string> } | null,
) {
  if (user && !user.permissions.has('class.corrections.read')) return undefined;
  const r = await db
    .selectFrom('special_persons as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select([
      's.id',
      's.status',
      's.version',
      's.category',
      's.report_due',
      's.responsible_org_id',
      's.org_path',
      'p.name as person_name',
      'p.sex as person_sex',
    ])
    .where('s.id', '=', id)
    .where('s.category', '=', 'corrections')
    .where(sql<SqlBool>`${pathInScope(scope, sql.ref('s.org_path'))}`)
    .executeTakeFirst();
  if (!r) return undefined;
  const team = await db
    .selectFrom('special_team_members')
    .select(['role', 'sex'])
    .where('special_person_id', '=', id)
    .execute();
  return { ...r, report_due: r.report_due ? String(r.report_due).slice(0, 10) : null, team };
}
export type CorrectionsRow = NonNullable<Awaited<ReturnType<typeof correctionsRow>>>;

export async function markLateReport(db: Db, id: string) {
  await db.updateTable('special_persons').set({ late_report: true }).where('id', '=', id).execute();
}

export function eventsOf(db: Db, id: string) {
  return db
    .selectFrom('workflow_events')
    .select(['id', 'at', 'actor_name', 'actor_org', 'action', 'from_status', 'to_status', 'note', 'data'])
    .where('owner_type', '=', 'special_person')
    .where('owner_id', '=', id)
    .orderBy('at')
    .execute();
}
