import type { Db } from '../../db/client.ts';
import type { OrgScope } from '../../core/org-scope.ts';
import { warningVisible } from './repository.ts';

/** Warnings as record owners (agenda items of 维稳 meetings): which ids the caller sees, and what they are. */
export async function visibleWarningIds(db: Db, scope: OrgScope, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .selectFrom('stability_warnings as w')
    .select('w.id')
    .where('w.id', 'in', [...ids])
    .where(warningVisible(scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function describeWarnings(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('stability_warnings')
    .select(['id', 'number', 'title', 'status', 'org_id', 'org_path'])
    .where('id', 'in', [...ids])
    .execute();
}
