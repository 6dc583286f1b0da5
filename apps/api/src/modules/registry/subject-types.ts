import { sql } from 'kysely';
import { pathInScope } from '../../core/org-scope.ts';
import type { SubjectSummary, SubjectTypeDef } from '../../core/records/subject-types.ts';
import type { SignedInContext } from '../../core/context.ts';
import type { Db } from '../../db/client.ts';
import { listHouses } from './house-service.ts';
import { personsQuery, presentPerson } from './person-repository.ts';
import { createPerson, listPersons } from './person-service.ts';
import { personCreate } from './schemas.ts';

type Presented = ReturnType<typeof presentPerson>;
const personSummary = (p: Presented): SubjectSummary => ({
  id: p.id,
  label: `${p.name}（${p.idNumber}）`,
  detail: p,
});

async function inScope(ctx: SignedInContext, table: 'persons' | 'houses', ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .where(pathInScope(ctx.scope, sql.ref('org_path')))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** 实有人口 as subjects: the registry's search and presenter (masked ID and phone), and its create use case. */
export const personSubjects: SubjectTypeDef = {
  type: 'person',
  searchPermission: 'registry.read',
  async search(ctx, q, limit) {
    return (await listPersons(ctx, { q, limit })).items.map(personSummary);
  },
  visibleIds: (ctx, ids) => inScope(ctx, 'persons', ids),
  async describe(db, ids) {
    if (!ids.length) return new Map();
    const rows = await personsQuery(db)
      .where('p.id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, personSummary(presentPerson(r))]));
  },
  create: {
    path: 'persons',
    permission: 'registry.manage',
    body: personCreate,
    // The registry's own use case: the same GB 11643 checks, duplicate answer, history and audit.
    run: async (ctx, body) =>
      personSummary(await createPerson(ctx, body as Parameters<typeof createPerson>[1])),
  },
};

async function describeHouses(db: Db, ids: readonly string[], household: boolean) {
  if (!ids.length) return new Map<string, SubjectSummary>();
  const rows = await db
    .selectFrom('houses as h')
    .select([
      'h.id',
      'h.house_number as houseNumber',
      'h.address',
      'h.use',
      'h.grid_id as gridId',
      sql<number>`(SELECT count(*) FROM residences r WHERE r.house_id = h.id AND r.to_date IS NULL)::int`.as(
        'residentCount',
      ),
    ])
    .where('h.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((h) => [h.id, houseSummary(h, household)]));
}

function houseSummary(h: { id: string; houseNumber: string; address: string }, household: boolean) {
  return { id: h.id, label: household ? `${h.address}（户）` : `${h.houseNumber} ${h.address}`, detail: h };
}

/** 实有房屋; the owner's phone comes masked from the registry's list. */
export const houseSubjects: SubjectTypeDef = {
  type: 'house',
  searchPermission: 'registry.read',
  async search(ctx, q, limit) {
    return (await listHouses(ctx, { q, limit })).items.map((h) => houseSummary(h, false));
  },
  visibleIds: (ctx, ids) => inScope(ctx, 'houses', ids),
  describe: (db, ids) => describeHouses(db, ids, false),
};

/** A household is named by its house: the people living there now (户). */
export const householdSubjects: SubjectTypeDef = {
  type: 'household',
  searchPermission: 'registry.read',
  async search(ctx, q, limit) {
    return (await listHouses(ctx, { q, limit })).items.map((h) => houseSummary(h, true));
  },
  visibleIds: (ctx, ids) => inScope(ctx, 'houses', ids),
  describe: (db, ids) => describeHouses(db, ids, true),
};
