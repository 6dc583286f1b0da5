import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { audit, diff } from '../audit.ts';
import { inTransaction, type RequestContext } from '../context.ts';
import { notFound, staleVersion } from '../errors.ts';
import { pathInScope, type OrgScope } from '../org-scope.ts';
import { decodeCursor, pageOf } from '../paging.ts';

/** Tables the data layer can serve: they have an `id` and a row `version`. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never;
}[keyof Database];

export type Row<T extends VersionedTable> = Selectable<Database[T]>;

/**
 * How a table is scoped. `path` names the materialised org path column of the row (the common case); `scope`
 * builds the predicate itself for the odd tables (a case is also visible to its handling department). The table
 * is aliased `t` in every statement, so a custom predicate refers to `t.<column>`.
 */
export type ScopeSpec = { path: string } | { scope: (scope: OrgScope) => Expression<SqlBool> };

export interface ScopedTableOptions<T extends VersionedTable> {
  /** Name used in the 404 message ("notice not found"); defaults to the table name. */
  entity?: string;
  /** Column stamped with the clock on every versioned update; `null` for tables that have none. */
  updatedAt?: string | null;
  /** The org the audit row belongs to; defaults to the row's `org_id`. */
  orgOf?: (row: Row<T>) => string | null;
}

export interface ListPage {
  limit: number;
  cursor?: string | undefined;
  /** Keyset order: a column and a direction; `id` breaks ties in the same direction. */
  order?: { column: string; direction: 'asc' | 'desc' };
}

export interface VersionedWrite<R = Record<string, unknown>> {
  /** `summary` may be worked out from the row as it was before the write ("edited <title>"). */
  audit: { action: string; entityType: string; summary?: string | ((before: R) => string) };
  /**
   * The field-level detail of the same write (registry records keep it in `registry_changes`): the entity name
   * to file it under. Written in the same transaction, only when something changed.
   */
  history?: {
    entity: string;
    action?: string;
    /** The changes in the record's own field names, when the history speaks those rather than columns. */
    changes?: Record<string, { from: unknown; to: unknown }>;
  };
  /** Columns left out of the audit diff (search helpers, long bodies). */
  omitFromAudit?: readonly string[];
}

function summaryOf<R>(s: string | ((before: R) => string) | undefined, before: R) {
  if (s === undefined) return {};
  return { summary: typeof s === 'function' ? s(before) : s };
}

type Where = (eb: any) => Expression<SqlBool>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The visible, greppable way into a scoped table: every read and write adds the caller's org scope itself, an
 * out-of-scope row is a 404 exactly like a missing one, and versioned updates are one statement guarded by
 * `version = :expected`, so of two concurrent writers exactly one wins and the other gets 409 STALE_VERSION.
 */
export function scopedTable<T extends VersionedTable>(
  ctx: RequestContext,
  table: T,
  spec: ScopeSpec,
  options: ScopedTableOptions<T> = {},
) {
  const entity = options.entity ?? table;
  const updatedAt = options.updatedAt === undefined ? 'updated_at' : options.updatedAt;
  const inScope = (scope: OrgScope): Expression<SqlBool> =>
    'path' in spec ? pathInScope(scope, sql.ref(`t.${spec.path}`)) : spec.scope(scope);
  const orgOf =
    options.orgOf ?? ((row: Row<T>) => ((row as Record<string, unknown>).org_id as string | null) ?? null);
  // Kysely's types cannot follow a table name chosen by the caller; the public surface stays typed by `T`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = (c: RequestContext): any => c.db;

  async function find(c: RequestContext, id: string, lock: boolean): Promise<Row<T> | undefined> {
    let q = db(c)
      .selectFrom(`${table} as t`)
      .selectAll('t')
      .where('t.id', '=', id)
      .where(inScope(c.scope));
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async function get(id: string): Promise<Row<T>> {
    const row = await find(ctx, id, false);
    if (!row) throw notFound(entity);
    return row;
  }

  async function list(where: Where | null, page: ListPage): Promise<{ items: Row<T>[]; nextCursor: string | null }> {
    const order = page.order ?? { column: 'id', direction: 'desc' as const };
    const col = `t.${order.column}`;
    const cmp = order.direction === 'desc' ? '<' : '>';
    let q = db(ctx).selectFrom(`${table} as t`).selectAll('t').where(inScope(ctx.scope));
    if (where) q = q.where(where);
    if (order.column === 'id') {
      const after = decodeCursor(page.cursor, 1);
      if (after) q = q.where('t.id', cmp, after[0]);
      q = q.orderBy('t.id', order.direction);
    } else {
      const after = decodeCursor(page.cursor, 2);
      if (after)
        q = q.where((eb: any) => // eslint-disable-line @typescript-eslint/no-explicit-any
          eb.or([eb(col, cmp, after[0]), eb.and([eb(col, '=', after[0]), eb('t.id', cmp, after[1])])]),
        );
      q = q.orderBy(col, order.direction).orderBy('t.id', order.direction);
    }
    const rows: Row<T>[] = await q.limit(page.limit + 1).execute();
    return pageOf(rows, page.limit, (r) => {
      const rec = r as Record<string, unknown>;
      const key = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
      return order.column === 'id' ? [rec.id] : [key(rec[order.column]), rec.id];
    });
  }

  /** Load in scope (404), check the version (409), write `patch` with version + 1, audit + history, one transaction. */
  async function updateVersioned(
    id: string,
    version: number,
    patch: Partial<Record<keyof Database[T] & string, unknown>>,
    write: VersionedWrite<Row<T>>,
  ): Promise<Row<T>> {
    return inTransaction(ctx, async (tx) => {
      const before = await find(tx, id, false);
      if (!before) throw notFound(entity);
      const current = (before as { version: number }).version;
      if (current !== version) throw staleVersion(current);
      const set: Record<string, unknown> = { ...patch, version: sql`version + 1` };
      if (updatedAt) set[updatedAt] = tx.clock.now();
      // The version test in the statement is what makes two concurrent writers safe: the loser updates nothing.
      const after: Row<T> | undefined = await db(tx)
        .updateTable(`${table} as t`)
        .set(set)
        .where('t.id', '=', id)
        .where('t.version', '=', version)
        .returningAll()
        .executeTakeFirst();
      if (!after) {
        const now = await find(tx, id, false);
        if (!now) throw notFound(entity);
        throw staleVersion((now as { version: number }).version);
      }
      const omit = new Set(write.omitFromAudit ?? []);
      const changes = Object.fromEntries(Object.entries(patch).filter(([k]) => !omit.has(k)));
      const d = diff(before as Record<string, unknown>, changes);
      await audit(tx, {
        action: write.audit.action,
        entityType: write.audit.entityType,
        entityId: id,
        orgId: orgOf(before),
        ...summaryOf(write.audit.summary, before),
        before: d.before,
        after: d.after,
      });
      const fields =
        write.history?.changes ??
        Object.fromEntries(d.changed.map((k) => [k, { from: d.before[k] ?? null, to: d.after[k] }]));
      if (write.history && Object.keys(fields).length && tx.user) {
        await tx.db
          .insertInto('registry_changes')
          .values({
            entity: write.history.entity,
            entity_id: id,
            at: tx.clock.now(),
            actor_id: tx.user.id,
            actor_name: tx.user.displayName,
            action: write.history.action ?? 'update',
            changes: JSON.stringify(fields),
          })
          .execute();
      }
      return after;
    });
  }

  /** Load in scope (404), check the version (409), delete, audit — one transaction. */
  async function deleteVersioned(id: string, version: number, write: Pick<VersionedWrite<Row<T>>, 'audit'>) {
    return inTransaction(ctx, async (tx) => {
      const before = await find(tx, id, false);
      if (!before) throw notFound(entity);
      const current = (before as { version: number }).version;
      if (current !== version) throw staleVersion(current);
      const r = await db(tx)
        .deleteFrom(`${table} as t`)
        .where('t.id', '=', id)
        .where('t.version', '=', version)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw staleVersion(current);
      await audit(tx, {
        action: write.audit.action,
        entityType: write.audit.entityType,
        entityId: id,
        orgId: orgOf(before),
        ...summaryOf(write.audit.summary, before),
      });
      return before;
    });
  }

  return { get, list, updateVersioned, deleteVersioned, inScope };
}

export type ScopedTable<T extends VersionedTable> = ReturnType<typeof scopedTable<T>>;
