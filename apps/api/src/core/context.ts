import type { Transaction } from 'kysely';
import type { Permission } from '@civicgrid/shared/permissions';
import type { Db } from '../db/client.ts';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import type { GridLocator } from './geo/grid-locator.ts';
import type { CalendarProvider } from '../modules/calendar/calendar-provider.ts';
import type { CategoryCatalog } from '../modules/cases/category-catalog.ts';
import { forbidden } from './errors.ts';
import type { OrgScope } from './org-scope.ts';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgLevel: string;
  mustChangePassword: boolean;
  /** The password was right and the code is still due: this session reaches only the code step. */
  pendingSecondFactor: boolean;
  /** An administrator without a second factor: reaches only the enrolment until it has one. */
  mustEnrolSecondFactor: boolean;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  csrfToken: string;
}

/** What every service receives first: who is asking, what they may see, where from, and the db handle. */
export interface RequestContext {
  db: Db | Transaction<Database>;
  user: AuthUser | null;
  scope: OrgScope;
  clock: Clock;
  /** Point → grid for every module that stores a location. */
  grids: GridLocator;
  /** The working calendar every deadline is counted on. */
  calendar: CalendarProvider;
  /** The case categories, for intake and case lists. */
  categories: CategoryCatalog;
  ip: string | null;
  userAgent: string | null;
}

export interface SignedInContext extends RequestContext {
  user: AuthUser;
}

export function requireUser(ctx: RequestContext): SignedInContext {
  if (!ctx.user) throw forbidden('sign in first');
  return ctx as SignedInContext;
}

export function hasPermission(ctx: RequestContext, p: Permission): boolean {
  return ctx.user?.permissions.has(p) ?? false;
}

/** Runs `fn` in one transaction so a write and its audit row land together or not at all. */
export function inTransaction<C extends Pick<RequestContext, 'db'>, T>(
  ctx: C,
  fn: (tx: C) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
