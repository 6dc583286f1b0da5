import { sql } from 'kysely';
import { pathInScope } from '../../core/org-scope.ts';
import type { SubjectTypeDef } from '../../core/records/subject-types.ts';
import { listOrganizations } from './organizations.ts';
import { phoneOut } from './common.ts';

/** 单位 as subjects: the places search, phones masked as its presenter masks them. */
export const organizationSubjects: SubjectTypeDef = {
  type: 'organization',
  searchPermission: 'registry.read',
  async search(ctx, q, limit) {
    const page = await listOrganizations(ctx, { q, limit });
    return page.items.map((o) => ({ id: o.id, label: o.name, detail: o }));
  },
  async visibleIds(ctx, ids) {
    if (!ids.length) return new Set();
    const rows = await ctx.db
      .selectFrom('organizations')
      .select('id')
      .where('id', 'in', [...ids])
      .where(pathInScope(ctx.scope, sql.ref('org_path')))
      .execute();
    return new Set(rows.map((r) => r.id));
  },
  async describe(db, ids) {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'kind', 'credit_code as creditCode', 'address', 'phone', 'grid_id as gridId'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(
      rows.map((o) => [o.id, { id: o.id, label: o.name, detail: { ...o, phone: phoneOut(o.phone) } }]),
    );
  },
};
