import { sql } from 'kysely';
import type { Permission } from '@civicgrid/shared/permissions';
import { audit } from '../audit.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import { sha256 } from '../files.ts';
import { pathInScope } from '../org-scope.ts';
import { renderDocument, type DocumentTemplate } from './render.ts';

/**
 * How documents find their owner: a module registers its owner type with the permission that reads it and a
 * scoped lookup (null when the caller may not see the record). Documents are read only through their owner.
 */
export interface DocumentOwner {
  ownerType: string;
  read: Permission;
  find(ctx: SignedInContext, ownerId: string): Promise<{ orgId: string } | null>;
}

const OWNERS = new Map<string, DocumentOwner>();

export function registerDocumentOwner(owner: DocumentOwner): void {
  const had = OWNERS.get(owner.ownerType);
  if (had && had !== owner) throw new Error(`document owner ${owner.ownerType} is already registered`);
  OWNERS.set(owner.ownerType, owner);
}

/** The owner in the caller's sight, or 404: a record the caller cannot see has no documents for them. */
async function ownerInSight(ctx: SignedInContext, ownerType: string, ownerId: string) {
  const owner = OWNERS.get(ownerType);
  if (!owner) throw badRequest('ownerType', `no document owner ${ownerType}`);
  const found = ctx.user.permissions.has(owner.read) ? await owner.find(ctx, ownerId) : null;
  if (!found) throw notFound(ownerType);
  return found;
}

/** Year of issue on the Shanghai calendar: a document of 1 January 00:30 belongs to the new year. */
const yearOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();

/** `inPath`: the org is the route's `:id`, so one outside the caller's tree is a 404, not a bad field. */
async function orgInScope(ctx: SignedInContext, orgId: string, inPath = false) {
  const org = await ctx.db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name', 'o.path'])
    .where('o.id', '=', orgId)
    .where(pathInScope(ctx.scope, sql.ref('o.path')))
    .executeTakeFirst();
  if (!org) throw inPath ? notFound('org') : badRequest('orgId', 'no such org in your part of the tree');
  return org;
}

const SERIES = /^[a-z][a-z0-9_.-]{1,59}$/;

/** Sets the word an org's numbers of one series start with (东调字), audited. */
export async function setSeriesPrefix(
  ctx: SignedInContext,
  input: { orgId: string; series: string; prefix: string },
) {
  if (!SERIES.test(input.series)) throw badRequest('series', 'lower-case letters, digits, . _ -');
  const prefix = input.prefix.trim();
  if (!prefix || prefix.length > 20) throw badRequest('prefix', '1 to 20 characters');
  return inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx, input.orgId, true);
    const before = await tx.db
      .selectFrom('document_series')
      .select('prefix')
      .where('org_id', '=', org.id)
      .where('series', '=', input.series)
      .executeTakeFirst();
    const now = tx.clock.now();
    await tx.db
      .insertInto('document_series')
      .values({ org_id: org.id, series: input.series, prefix, updated_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'series']).doUpdateSet({ prefix, updated_at: now }))
      .execute();
    await audit(tx, {
      action: 'document.series.set',
      entityType: 'org',
      entityId: org.id,
      orgId: org.id,
      summary: `${org.name} ${input.series}: ${prefix}`,
      before: before ?? null,
      after: { prefix },
    });
    return { orgId: org.id, series: input.series, prefix };
  });
}

export interface IssueInput {
  ownerType: string;
  ownerId: string;
  /** The numbered series, e.g. 'mediation.agreement'; its prefix is set per org. */
  series: string;
  /** The issuing org (its series and seal); the caller's own org when left out. */
  orgId?: string;
  template: DocumentTemplate;
}

/**
 * Issues one numbered document for a record: the next number of the org's series this year
 * (`东调字〔2026〕第12号`), the PDF rendered with that number, the row and its audit entry, in one transaction.
 * The counter row stays locked until the commit, so concurrent issues get consecutive numbers and a failed
 * one leaves no gap.
 */
export async function issueDocument(ctx: SignedInContext, input: IssueInput) {
  await ownerInSight(ctx, input.ownerType, input.ownerId);
  return inTransaction(ctx, async (tx) => {
    const org = await orgInScope(tx, input.orgId ?? tx.user.orgId);
    const series = await tx.db
      .selectFrom('document_series')
      .select('prefix')
      .where('org_id', '=', org.id)
      .where('series', '=', input.series)
      .executeTakeFirst();
    if (!series) throw badRequest('series', `no number prefix is set for ${input.series} at ${org.name}`);
    const now = tx.clock.now();
    const year = yearOf(now);
    const { last_seq: seq } = await tx.db
      .insertInto('document_counters')
      .values({ org_id: org.id, series: input.series, year, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'series', 'year'])
          .doUpdateSet({ last_seq: sql<number>`document_counters.last_seq + 1` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const number = `${series.prefix}〔${year}〕第${seq}号`;
    const file = await renderDocument({ ...input.template, number, orgName: org.name, issuedAt: now });
    const row = await tx.db
      .insertInto('documents')
      .values({
        owner_type: input.ownerType,
        owner_id: input.ownerId,
        org_id: org.id,
        org_path: org.path,
        series: input.series,
        year,
        seq,
        number,
        title: input.template.title,
        file,
        size: file.length,
        sha256: sha256(file),
        created_at: now,
        created_by: tx.user.id,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'document.issue',
      entityType: 'document',
      entityId: row.id,
      orgId: org.id,
      summary: `${input.template.title} ${number} (${input.ownerType} ${input.ownerId})`,
      after: { ownerType: input.ownerType, ownerId: input.ownerId, series: input.series, number },
    });
    return {
      id: row.id,
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      series: input.series,
      year,
      seq,
      number,
      title: input.template.title,
      size: file.length,
      createdAt: row.created_at.toISOString(),
    };
  });
}

/** A document's PDF, for a caller who can see its owner; every download is audited. */
export async function readDocumentFile(ctx: SignedInContext, id: string) {
  const d = await ctx.db
    .selectFrom('documents')
    .select(['id', 'owner_type', 'owner_id', 'org_id', 'number', 'title', 'file'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound('document');
  await ownerInSight(ctx, d.owner_type, d.owner_id).catch(() => {
    throw notFound('document');
  });
  await audit(ctx, {
    action: 'document.download',
    entityType: 'document',
    entityId: d.id,
    orgId: d.org_id,
    summary: `${d.title} ${d.number}`,
  });
  return { bytes: d.file, filename: `${d.title}-${d.number}.pdf` };
}
