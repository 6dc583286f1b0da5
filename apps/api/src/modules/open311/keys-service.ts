import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type RequestContext, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { likeContains, likePrefix } from '../../core/like.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import { o311Error } from './respond.ts';

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** 32 random bytes: unguessable, so a plain sha256 is enough to keep it (no password stretching needed). */
export function newKey(): string {
  return `o311_${randomBytes(32).toString('base64url')}`;
}

export interface KeyListQuery {
  q?: string | undefined;
  status?: 'active' | 'revoked' | undefined;
  orgId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

function keysQuery(db: Db) {
  return db
    .selectFrom('open311_keys as k')
    .innerJoin('orgs as o', 'o.id', 'k.org_id')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .leftJoin('users as r', 'r.id', 'k.revoked_by')
    .select([
      'k.id',
      'k.name',
      'k.owner',
      'k.contact',
      'k.org_id as orgId',
      'o.name as orgName',
      'o.code as jurisdictionId',
      'k.key_prefix as keyPrefix',
      'k.hourly_limit as hourlyLimit',
      'k.created_at as createdAt',
      'u.display_name as createdByName',
      'k.revoked_at as revokedAt',
      'r.display_name as revokedByName',
      'k.last_used_at as lastUsedAt',
      'k.request_count as requestCount',
    ]);
}

export async function listKeys(ctx: SignedInContext, f: KeyListQuery) {
  let q = keysQuery(ctx.db).where('k.org_path', 'like', likePrefix(ctx.scope.pathPrefix ?? '/'));
  if (f.q) {
    const p = likeContains(f.q);
    q = q.where((eb) =>
      eb.or([eb('k.name', 'ilike', p), eb('k.owner', 'ilike', p), eb('k.key_prefix', 'like', p)]),
    );
  }
  if (f.status === 'active') q = q.where('k.revoked_at', 'is', null);
  if (f.status === 'revoked') q = q.where('k.revoked_at', 'is not', null);
  if (f.orgId) q = q.where('k.org_id', '=', f.orgId);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  if (after)
    q = q.where(sql<boolean>`(k.created_at, k.id) < (${new Date(after[0])}::timestamptz, ${after[1]}::uuid)`);
  const rows = await q
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = pageOf(rows, f.limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  // Refusals in the last 24 h, for the page's keys in one grouped query.
  const ids = page.items.map((r) => r.id);
  const since = new Date(ctx.clock.now().getTime() - 86_400_000);
  const counts = ids.length
    ? await ctx.db
        .selectFrom('open311_rejections')
        .select(['key_id', sql<number>`count(*)::int`.as('n')])
        .where('key_id', 'in', ids)
        .where('at', '>=', since)
        .groupBy('key_id')
        .execute()
    : [];
  const byKey = new Map(counts.map((c) => [c.key_id, c.n]));
  return {
    items: page.items.map((r) => ({ ...r, rejectedLastDay: byKey.get(r.id) ?? 0 })),
    nextCursor: page.nextCursor,
  };
}

export interface KeyCreate {
  name: string;
  owner: string;
  contact?: string | undefined;
  orgId?: string | undefined;
  hourlyLimit?: number | undefined;
}

/** Makes a key for a jurisdiction in the admin's subtree; the key itself is in this answer and nowhere else. */
export async function createKey(ctx: SignedInContext, input: KeyCreate) {
  return inTransaction(ctx, async (tx) => {
    const orgId = input.orgId ?? tx.user.orgId;
    const org = await tx.db
      .selectFrom('orgs')
      .select(['id', 'path', 'name', 'level', 'code', 'disabled'])
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (!org || !pathIsInScope(tx.scope, org.path))
      throw badRequest('orgId', 'no such org in your part of the tree');
    if (org.disabled || !['district', 'city'].includes(org.level) || !org.code)
      throw badRequest(
        'orgId',
        'a key reports into a district or city that has a code (its jurisdiction_id)',
      );
    const key = newKey();
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('open311_keys')
      .values({
        name: input.name,
        owner: input.owner,
        contact: input.contact || null,
        org_id: org.id,
        org_path: org.path,
        key_hash: hashKey(key),
        key_prefix: key.slice(0, 12),
        hourly_limit: input.hourlyLimit ?? null,
        created_by: tx.user.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'open311.key.create',
      entityType: 'open311_key',
      entityId: row.id,
      orgId: org.id,
      summary: `Open311 key ${key.slice(0, 12)}… for ${input.owner} (${input.name})`,
      after: { name: input.name, owner: input.owner, orgId: org.id, hourlyLimit: input.hourlyLimit ?? null },
    });
    const created = await keysQuery(tx.db).where('k.id', '=', row.id).executeTakeFirstOrThrow();
    return { ...created, rejectedLastDay: 0, key };
  });
}

export async function revokeKey(ctx: SignedInContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const k = await tx.db
      .selectFrom('open311_keys')
      .select(['id', 'org_id', 'org_path', 'key_prefix', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!k || !pathIsInScope(tx.scope, k.org_path)) throw notFound('API key');
    if (k.revoked_at) throw new AppError('CONFLICT', 409, 'this key has been revoked already');
    await tx.db
      .updateTable('open311_keys')
      .set({ revoked_at: tx.clock.now(), revoked_by: tx.user.id })
      .where('id', '=', id)
      .execute();
    await audit(tx, {
      action: 'open311.key.revoke',
      entityType: 'open311_key',
      entityId: id,
      orgId: k.org_id,
      summary: `Open311 key ${k.key_prefix}… revoked`,
    });
    const after = await keysQuery(tx.db).where('k.id', '=', id).executeTakeFirstOrThrow();
    return { ...after, rejectedLastDay: 0 };
  });
}

export interface ApiKey {
  id: string;
  name: string;
  owner: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  jurisdictionId: string | null;
  hourlyLimit: number | null;
}

/** GeoReport v2 lists one refusal for a key: "403 - api_key was not provided or is invalid"; revoked is 403 too. */
export async function authenticateKey(
  ctx: RequestContext,
  key: string | undefined,
  /** Told the key's id as soon as it is known, so a refusal of a revoked key is logged against it. */
  onFound: (id: string) => void = () => {},
): Promise<ApiKey> {
  if (!key) throw o311Error(403, 'api_key is required to submit a service request');
  const k = await ctx.db
    .selectFrom('open311_keys as k')
    .innerJoin('orgs as o', 'o.id', 'k.org_id')
    .select([
      'k.id',
      'k.name',
      'k.owner',
      'k.org_id as orgId',
      'o.path as orgPath',
      'o.name as orgName',
      'o.code as jurisdictionId',
      'k.hourly_limit as hourlyLimit',
      'k.revoked_at as revokedAt',
      'o.disabled',
    ])
    .where('k.key_hash', '=', hashKey(key))
    .executeTakeFirst();
  if (!k || k.disabled) throw o311Error(403, 'invalid api_key');
  onFound(k.id);
  if (k.revokedAt) throw o311Error(403, 'this api_key has been revoked; ask the administrator for a new one');
  return k;
}
