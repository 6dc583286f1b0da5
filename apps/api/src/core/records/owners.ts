import type { Permission } from '@civicgrid/shared/permissions';
import type { RequestContext, SignedInContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Db } from '../../db/client.ts';

/** What the shared parts need to know of one owner record, whoever may see it. */
export interface OwnerInfo {
  id: string;
  /** The org that holds the record now: audit rows, referrals and class scope use it. */
  orgId: string;
  orgPath: string;
  /** Shown in referral boxes and audit summaries, e.g. a case's number and title. */
  label: string;
  /** Closed records take no new referral. */
  closed: boolean;
}

/**
 * A record type that owns shared parts. Each module registers its own; the parts never read an owner table
 * themselves, so the scope rule of a case (or a permit, a petition …) stays in its module.
 */
export interface OwnerType {
  type: string;
  permissions: {
    /** To see the record's subjects, referrals and classes. */
    read: Permission;
    /** To add or remove subjects. */
    write: Permission;
    /** To send referrals of this type, and to accept or decline a transfer (taking the record over). */
    refer: Permission;
  };
  /** Which of these ids the caller may see, in one query. */
  visibleIds(ctx: SignedInContext, ids: readonly string[]): Promise<Set<string>>;
  /** Holding org, label and state of these ids, unscoped: callers check visibility first. */
  describe(db: Db, ids: readonly string[]): Promise<Map<string, OwnerInfo>>;
  /** A 400 naming `toOrgId` when this org cannot hold the record (a case needs a centre). */
  checkTransferTarget(ctx: SignedInContext, org: { id: string; path: string; level: string }): Promise<void>;
  /** Moves ownership, in the caller's transaction (an accepted transfer). */
  transferTo(ctx: SignedInContext, id: string, org: { id: string; path: string }): Promise<void>;
}

const OWNERS = new Map<string, OwnerType>();

/** Idempotent: every app built in one process (tests build several) registers the same definitions. */
export function registerOwner(def: OwnerType) {
  OWNERS.set(def.type, def);
}

export function registeredOwnerTypes(): OwnerType[] {
  return [...OWNERS.values()];
}

/** The definition of a type named in a URL; an unknown one is a 404, like a record that is not there. */
export function ownerType(type: string): OwnerType {
  const def = OWNERS.get(type);
  if (!def) throw notFound('record type');
  return def;
}

export function requirePermission(ctx: RequestContext, p: Permission) {
  if (!ctx.user?.permissions.has(p)) throw forbidden(`this needs the permission ${p}`);
}

/**
 * The owner as the caller may touch it: 403 without the type's permission, 404 when the record does not exist
 * or lies in another subtree (the same answer, so ids of other subtrees cannot be probed).
 */
export async function loadOwner(
  ctx: SignedInContext,
  type: string,
  id: string,
  need: keyof OwnerType['permissions'] = 'read',
): Promise<{ def: OwnerType; info: OwnerInfo }> {
  const def = ownerType(type);
  requirePermission(ctx, def.permissions[need]);
  const visible = await def.visibleIds(ctx, [id]);
  const info = visible.has(id) ? (await def.describe(ctx.db, [id])).get(id) : undefined;
  if (!info) throw notFound(type);
  return { def, info };
}

export const closedRecord = (type: string) =>
  new AppError('RECORD_CLOSED', 409, `this ${type} is closed and takes no referral`);

/**
 * Who may answer on the receiving side: a transfer hands the record over, so it takes the sender's permission;
 * a referral or an invitation asks a service or a body to help, which any reader of such records may answer.
 */
export function answerPermission(def: OwnerType, kind: string): Permission {
  return kind === 'transfer' ? def.permissions.refer : def.permissions.read;
}
