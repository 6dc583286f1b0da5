import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Feature, FeatureCollection } from 'geojson';
import { audit } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { AppError, notFound, staleVersion } from '../../core/errors.ts';
import type { Area } from '../../core/geo/geometry.ts';
import { bumpGridVersion } from '../../core/geo/grid-locator.ts';
import { pathInScope, pathIsInScope } from '../../core/org-scope.ts';
import {
  checkAgainstTree,
  readFeatures,
  type ExistingOrg,
  type FeatureProblem,
} from './import-validation.ts';

function invalidFeatures(problems: FeatureProblem[]): AppError {
  const sorted = problems.sort((a, b) => a.index - b.index);
  return new AppError(
    'INVALID_FEATURES',
    400,
    `${sorted.length} feature(s) cannot be imported; nothing was changed`,
    {
      fields: sorted.map((p) => ({
        path: p.index < 0 ? 'body' : `features.${p.index}`,
        message: p.reasons.join('; '),
      })),
      features: sorted,
    },
  );
}

function mergeProblems(problems: FeatureProblem[]): FeatureProblem[] {
  const byIndex = new Map<number, FeatureProblem>();
  for (const p of problems) {
    const seen = byIndex.get(p.index);
    if (seen) seen.reasons.push(...p.reasons);
    else byIndex.set(p.index, { ...p, reasons: [...p.reasons] });
  }
  return [...byIndex.values()];
}

async function orgsInScope(ctx: SignedInContext) {
  const rows = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.code', 'o.name', 'o.level', 'o.parent_id as parentId', 'o.path', 'o.geometry'])
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .where('o.disabled', '=', false)
    .execute();
  return rows.map((r) => ({ ...r, geometry: (r.geometry as Area | null) ?? null })) as ExistingOrg[];
}

function indexTree(orgs: ExistingOrg[]) {
  const byCode = new Map<string, ExistingOrg>();
  const siblingsOf = new Map<string, ExistingOrg[]>();
  for (const o of orgs) {
    if (o.code) byCode.set(o.code, o);
    if (o.parentId) siblingsOf.set(o.parentId, [...(siblingsOf.get(o.parentId) ?? []), o]);
  }
  return { byCode, siblingsOf };
}

/**
 * All or nothing: every feature is checked before anything is written; any bad one answers 400 with each bad
 * feature's index and reasons. Features whose code exists get their name and boundary replaced.
 */
export async function importGrids(ctx: SignedInContext, body: unknown) {
  const { features, problems } = readFeatures(body);
  if (features.length === 0 && problems.length === 0) {
    throw invalidFeatures([{ index: -1, code: null, reasons: ['the collection has no features'] }]);
  }
  const result = await inTransaction(ctx, async (tx) => {
    const orgs = await orgsInScope(tx);
    const { byCode, siblingsOf } = indexTree(orgs);
    // Report every bad feature at once: unreadable ones and those that do not fit the tree.
    const all = mergeProblems([...problems, ...checkAgainstTree(features, byCode, siblingsOf)]);
    if (all.length) throw invalidFeatures(all);
    const now = tx.clock.now();
    let created = 0;
    let updated = 0;
    const inserts = [];
    for (const f of features) {
      const existing = byCode.get(f.code);
      if (existing) {
        await tx.db
          .updateTable('orgs')
          .set({
            name: f.name,
            geometry: JSON.stringify(f.geometry),
            version: sql`version + 1`,
            updated_at: now,
          })
          .where('id', '=', existing.id)
          .execute();
        updated++;
      } else {
        const parent = byCode.get(f.parentCode!)!;
        const id = randomUUID();
        inserts.push({
          id,
          parent_id: parent.id,
          path: `${parent.path}${id}/`,
          depth: parent.path.split('/').length - 2,
          name: f.name,
          code: f.code,
          level: f.level,
          geometry: JSON.stringify(f.geometry),
        });
        created++;
      }
    }
    // Multi-row inserts in slices keep one statement under the parameter limit.
    for (let i = 0; i < inserts.length; i += 500)
      await tx.db
        .insertInto('orgs')
        .values(inserts.slice(i, i + 500))
        .execute();
    await bumpGridVersion(tx.db);
    await audit(tx, {
      action: 'grid.import',
      entityType: 'org',
      orgId: tx.user.orgId,
      summary: `imported ${features.length} boundaries: ${created} new, ${updated} updated`,
      after: { created, updated, codes: features.slice(0, 50).map((f) => f.code) },
    });
    return { created, updated };
  });
  ctx.grids.invalidate();
  return result;
}

/** Replaces one org's boundary, with the same checks as an import. */
export async function setGeometry(ctx: SignedInContext, id: string, geometry: unknown, version: number) {
  const result = await inTransaction(ctx, async (tx) => {
    const orgs = await orgsInScope(tx);
    const org = orgs.find((o) => o.id === id);
    if (!org) throw notFound('org');
    const current = await tx.db
      .selectFrom('orgs')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (current.version !== version) throw staleVersion(current.version);
    const { byCode, siblingsOf } = indexTree(orgs);
    const code = org.code ?? `__${org.id}`;
    if (!org.code) byCode.set(code, org);
    const parent = orgs.find((o) => o.id === org.parentId);
    const feature = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code, name: org.name, parentCode: parent?.code ?? null, level: org.level },
          geometry,
        },
      ],
    };
    const read = readFeatures(feature);
    const problems = read.problems.length
      ? read.problems
      : checkAgainstTree(read.features, byCode, siblingsOf);
    if (problems.length) {
      const reasons = problems.flatMap((p) => p.reasons);
      throw new AppError('VALIDATION_FAILED', 400, `geometry: ${reasons.join('; ')}`, {
        fields: [{ path: 'geometry', message: reasons.join('; ') }],
      });
    }
    await tx.db
      .updateTable('orgs')
      .set({ geometry: JSON.stringify(geometry), version: sql`version + 1`, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await bumpGridVersion(tx.db);
    await audit(tx, {
      action: 'grid.geometry',
      entityType: 'org',
      entityId: id,
      orgId: id,
      summary: `${org.geometry ? 'redrew' : 'drew'} the boundary of ${org.name}`,
      before: { geometry: org.geometry ? 'polygon' : null },
      after: { geometry: (geometry as Area).type },
    });
    return { id, version: version + 1 };
  });
  ctx.grids.invalidate();
  return result;
}

export async function featureCollection(
  ctx: SignedInContext,
  level: string,
  withParentCode: boolean,
): Promise<FeatureCollection> {
  const rows = await ctx.db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select([
      'o.id',
      'o.code',
      'o.name',
      'o.level',
      'o.parent_id as parentId',
      'p.code as parentCode',
      'o.centre_type as centreType',
      'o.geometry',
    ])
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .where('o.level', '=', level)
    .where('o.disabled', '=', false)
    .where('o.geometry', 'is not', null)
    .orderBy('o.code')
    .execute();
  return {
    type: 'FeatureCollection',
    features: rows.map((r): Feature => ({
      type: 'Feature',
      id: r.id,
      properties: {
        id: r.id,
        code: r.code,
        name: r.name,
        level: r.level,
        parentId: r.parentId,
        ...(withParentCode ? { parentCode: r.parentCode } : {}),
        centreType: r.centreType,
      },
      geometry: r.geometry as Area,
    })),
  };
}

/** The grid holding a point and its community, street and district; outside every grid, the nearest one. */
export async function locate(ctx: RequestContext, lng: number, lat: number) {
  const index = await ctx.grids.get(ctx.db);
  const inScope = (g: { path: string }) => pathIsInScope(ctx.scope, g.path);
  const grid = index.locate(lng, lat, inScope);
  if (!grid) {
    const near = index.nearest(lng, lat, inScope);
    return {
      grid: null,
      community: null,
      street: null,
      district: null,
      nearest: near
        ? {
            id: near.grid.id,
            code: near.grid.code,
            name: near.grid.name,
            distanceMetres: near.distanceMetres,
          }
        : null,
    };
  }
  const ids = grid.path.split('/').filter(Boolean);
  const ancestors = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'level'])
    .where('id', 'in', ids)
    .execute();
  const at = (level: string) => ancestors.find((a) => a.level === level) ?? null;
  return {
    grid: { id: grid.id, code: grid.code, name: grid.name },
    community: at('community'),
    street: at('street'),
    district: at('district'),
    nearest: null,
  };
}
