import { sql } from 'kysely';
import { inTransaction, type RequestContext } from '../../core/context.ts';
import { likePrefix } from '../../core/like.ts';
import type { Db } from '../../db/client.ts';
import { publicActor } from '../cases/public-actor.ts';
import { createCase } from '../cases/intake-service.ts';
import type { ApiKey } from './keys-service.ts';
import { readAttributes, readPost, type RawPost } from './post-input.ts';
import { o311Error } from './respond.ts';
import { attributesOf, findService, type Locale } from './services-service.ts';
import { statusNotes, w3c } from './status.ts';

/** jurisdiction_id is the code of a district or city; given, it must exist (404) and limits the answer to it. */
export async function findJurisdiction(ctx: RequestContext, code: string | undefined) {
  if (!code) return null;
  const org = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'path', 'code'])
    .where('code', '=', code)
    .where('level', 'in', ['district', 'city'])
    .where('disabled', '=', false)
    .executeTakeFirst();
  if (!org) throw o311Error(404, `jurisdiction_id ${code} not found`);
  return org;
}

/**
 * POST requests: one case in the one workflow, channel `public`, acting as the `_public` system account placed at
 * the key's jurisdiction (so a point outside every grid stays with that district's centre). The app, its key and
 * what it sent beside the case are kept in open311_requests and in the report event's data.
 */
export async function submitRequest(
  ctx: RequestContext,
  key: ApiKey,
  raw: RawPost,
  idempotencyKey: string | null,
  locale: Locale,
) {
  const input = readPost(raw);
  if (input.jurisdictionId && input.jurisdictionId !== key.jurisdictionId) {
    await findJurisdiction(ctx, input.jurisdictionId);
    throw o311Error(403, `this api_key is not valid for jurisdiction_id ${input.jurisdictionId}`);
  }
  const service = await findService(ctx, input.serviceCode);
  const attributes = readAttributes(raw.attributes, await attributesOf(ctx, service.id, locale));
  if (input.lat !== null && input.lng !== null) {
    const grid = (await ctx.grids.get(ctx.db)).locate(input.lng, input.lat);
    if (grid && !grid.path.startsWith(key.orgPath))
      throw o311Error(400, `lat: the location lies outside the jurisdiction ${key.jurisdictionId ?? ''}`);
  }
  const title = (input.description.split('\n')[0]!.trim() || service.name).slice(0, 40);
  const reporterName = [input.lastName, input.firstName].filter(Boolean).join('') || null;

  return inTransaction(ctx, async (tx) => {
    const base = await publicActor(tx);
    const actor = {
      ...base,
      user: { ...base.user, orgId: key.orgId, orgPath: key.orgPath, orgName: key.orgName },
    };
    const created = await createCase(
      actor,
      {
        channel: 'public',
        title,
        description: input.description,
        categoryId: service.id,
        urgency: 'normal',
        location:
          input.lat !== null && input.lng !== null
            ? { lat: input.lat, lng: input.lng, address: input.addressString ?? undefined }
            : undefined,
        reporter: { name: reporterName ?? undefined, phone: input.phone ?? undefined },
      },
      // Scoped by key: two apps choosing the same Idempotency-Key never see each other's case.
      idempotencyKey ? `open311:${key.id}:${idempotencyKey.slice(0, 100)}` : null,
    );
    const now = tx.clock.now();
    if (!created.replayed) {
      // Without a point, the address the app typed is all there is: keep it on the case.
      if (input.lat === null && input.addressString)
        await tx.db
          .updateTable('cases')
          .set({ address: input.addressString })
          .where('id', '=', created.id)
          .execute();
      await tx.db
        .insertInto('open311_requests')
        .values({
          case_id: created.id,
          key_id: key.id,
          device_id: input.deviceId,
          account_id: input.accountId,
          email: input.email,
          first_name: input.firstName,
          last_name: input.lastName,
          phone: input.phone,
          media_url: input.mediaUrl,
          attributes: JSON.stringify(attributes),
          created_at: now,
        })
        .execute();
      await tx.db
        .updateTable('case_events')
        .set({
          data: sql`coalesce(data, '{}'::jsonb) || ${JSON.stringify({
            open311: { keyId: key.id, app: key.name, owner: key.owner, attributes, mediaUrl: input.mediaUrl },
          })}::jsonb`,
        })
        .where('case_id', '=', created.id)
        .where('action', '=', 'report')
        .execute();
      await tx.db
        .updateTable('open311_keys')
        .set({ last_used_at: now, request_count: sql`request_count + 1` })
        .where('id', '=', key.id)
        .execute();
    }
    const row = await tx.db
      .selectFrom('cases')
      .select('number')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    return {
      replayed: created.replayed,
      answer: [
        {
          service_request_id: row.number,
          service_notice:
            locale === 'en'
              ? `Received as ${row.number}; keep this number to follow the request.`
              : `已受理，编号 ${row.number}，请凭编号查询办理进度。`,
          account_id: input.accountId,
        },
      ],
    };
  });
}

/** Public-channel cases of public categories: what Open311 shows; everything else answers 404. */
function requestsQuery(db: Db) {
  return db
    .selectFrom('cases as c')
    .innerJoin('categories as cat', 'cat.id', 'c.category_id')
    .innerJoin('orgs as ow', 'ow.id', 'c.owner_org_id')
    .leftJoin('orgs as dp', 'dp.id', 'c.department_id')
    .leftJoin('cases as m', 'm.id', 'c.merged_into')
    .leftJoin('categories as mcat', 'mcat.id', 'm.category_id')
    .leftJoin('open311_requests as o', 'o.case_id', 'c.id')
    .where('c.channel', '=', 'public')
    .where('cat.public', '=', true)
    .select([
      'c.id',
      'c.number',
      'c.status',
      'c.description',
      'cat.code as serviceCode',
      'cat.name as serviceName',
      'cat.name_en as serviceNameEn',
      'ow.name as centreName',
      'dp.name as departmentName',
      'c.merged_into as mergedInto',
      sql<string | null>`CASE WHEN m.channel = 'public' AND mcat.public THEN m.number END`.as('mergedNumber'),
      'c.created_at as createdAt',
      'c.updated_at as updatedAt',
      'c.handle_deadline as handleDeadline',
      'c.step_deadline as stepDeadline',
      'c.address',
      'c.lat',
      'c.lng',
      'o.media_url as mediaUrl',
      // The reporter's own first photo; photos staff add later (feedback, verification) are not published.
      sql<
        string | null
      >`(SELECT a.id FROM attachments a WHERE a.case_id = c.id AND a.uploaded_by = c.created_by
        AND a.mime LIKE 'image/%' ORDER BY a.created_at, a.id LIMIT 1)`.as('photoId'),
    ]);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

const OPEN_MAP: Record<string, 'open' | 'closed'> = { closed: 'closed', rejected: 'closed' };

export function present(r: RequestRow, locale: Locale, baseUrl: string) {
  const status = OPEN_MAP[r.status] ?? 'open';
  return {
    service_request_id: r.number,
    status,
    status_notes: statusNotes(r, locale),
    service_name: (locale === 'en' ? r.serviceNameEn || r.serviceName : r.serviceName) ?? '',
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.departmentName ?? r.centreName,
    service_notice: '',
    requested_datetime: w3c(r.createdAt),
    updated_datetime: w3c(r.updatedAt),
    expected_datetime: status === 'open' ? w3c(r.handleDeadline ?? r.stepDeadline) : null,
    address: r.address ?? '',
    address_id: '',
    zipcode: '',
    lat: r.lat,
    long: r.lng,
    media_url: r.mediaUrl ?? (r.photoId ? `${baseUrl}/open311/v2/media/${r.photoId}` : ''),
  };
}

export interface RequestFilter {
  jurisdictionId?: string | undefined;
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  start: Date;
  end: Date;
  statuses?: ('open' | 'closed')[] | undefined;
}

export const MAX_REQUESTS = 1000;

export async function findRequests(ctx: RequestContext, f: RequestFilter, locale: Locale, baseUrl: string) {
  const jurisdiction = await findJurisdiction(ctx, f.jurisdictionId);
  let q = requestsQuery(ctx.db);
  if (jurisdiction) q = q.where('c.org_path', 'like', likePrefix(jurisdiction.path));
  if (f.ids?.length) {
    // The spec: a list of ids overrides every other filter.
    q = q.where('c.number', 'in', f.ids);
  } else {
    if (f.serviceCodes?.length) {
      const known = await ctx.db
        .selectFrom('categories')
        .select('code')
        .where('code', 'in', f.serviceCodes)
        .where('public', '=', true)
        .execute();
      const missing = f.serviceCodes.filter((c) => !known.some((k) => k.code === c));
      if (missing.length) throw o311Error(404, `service_code ${missing.join(',')} not found`);
      q = q.where('cat.code', 'in', f.serviceCodes);
    }
    q = q.where('c.created_at', '>=', f.start).where('c.created_at', '<=', f.end);
    const statuses = new Set(f.statuses ?? []);
    if (statuses.size === 1)
      q = statuses.has('closed')
        ? q.where('c.status', 'in', ['closed', 'rejected'])
        : q.where('c.status', 'not in', ['closed', 'rejected']);
  }
  const rows = await q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(MAX_REQUESTS).execute();
  return rows.map((r) => present(r, locale, baseUrl));
}

export async function findRequest(
  ctx: RequestContext,
  number: string,
  jurisdictionId: string | undefined,
  locale: Locale,
  baseUrl: string,
) {
  const jurisdiction = await findJurisdiction(ctx, jurisdictionId);
  let q = requestsQuery(ctx.db).where('c.number', '=', number);
  if (jurisdiction) q = q.where('c.org_path', 'like', likePrefix(jurisdiction.path));
  const row = await q.executeTakeFirst();
  if (!row) throw o311Error(404, `service_request_id ${number} not found`);
  return [present(row, locale, baseUrl)];
}

/** Only the reporter's own image on a request Open311 publishes; anything else is 404. */
export async function findMedia(ctx: RequestContext, attachmentId: string) {
  const a = await ctx.db
    .selectFrom('attachments as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('categories as cat', 'cat.id', 'c.category_id')
    .select(['a.id', 'a.mime', 'a.filename', 'a.storage_key as storageKey'])
    .where('a.id', '=', attachmentId)
    .where('c.channel', '=', 'public')
    .where('cat.public', '=', true)
    .whereRef('a.uploaded_by', '=', 'c.created_by')
    .where('a.mime', 'like', 'image/%')
    .executeTakeFirst();
  if (!a) throw o311Error(404, 'media not found');
  return a;
}
