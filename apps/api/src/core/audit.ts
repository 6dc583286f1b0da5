import type { RequestContext } from './context.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgId?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
  /** For events without a signed-in user, such as a failed login. */
  actorName?: string;
  actorId?: string | null;
}

/** Writes an audit row with the caller's db handle, so inside a transaction it commits or rolls back with the write. */
export async function audit(
  ctx: Pick<RequestContext, 'db' | 'clock' | 'user' | 'ip' | 'userAgent'>,
  entry: AuditEntry,
): Promise<void> {
  await ctx.db.insertInto('audit_log').values(auditValues(ctx, entry)).execute();
}

/** The audit row of an entry, for a write that inserts it as part of its own statement. */
export function auditValues(
  ctx: Pick<RequestContext, 'clock' | 'user' | 'ip' | 'userAgent'>,
  entry: AuditEntry,
) {
  return {
    at: ctx.clock.now(),
    actor_id: entry.actorId !== undefined ? entry.actorId : (ctx.user?.id ?? null),
    actor_name: entry.actorName ?? ctx.user?.username ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    org_id: entry.orgId ?? null,
    summary: entry.summary ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: ctx.ip,
    user_agent: ctx.userAgent?.slice(0, 300) ?? null,
  };
}

/** The fields that changed, as before/after objects holding just those keys. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a) };
}
