import { sql } from 'kysely';
import type { AuthUser, RequestContext, SignedInContext } from '../../core/context.ts';

/** The account anonymous channels (the public portal, Open311) act as: disabled, no roles, no password. */
export const PUBLIC_USERNAME = '_public';

/**
 * A context for work done on behalf of an anonymous resident: the case services record who acted, and for the
 * public that is this system account, kept at the root of the org tree. It cannot sign in (disabled, and its
 * password hash matches nothing) and holds only what the anonymous channel itself grants.
 */
export async function publicActor(ctx: RequestContext): Promise<SignedInContext> {
  const root = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'level'])
    .where('parent_id', 'is', null)
    .where('disabled', '=', false)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!root) throw new Error('no org tree yet: the public channel needs a district');
  await ctx.db
    .insertInto('users')
    .values({
      username: PUBLIC_USERNAME,
      display_name: '公众',
      org_id: root.id,
      password_hash: '!',
      must_change_password: false,
      status: 'disabled',
      updated_at: ctx.clock.now(),
    })
    // The unique index is on lower(username): ON CONFLICT must name that expression to match it.
    .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
    .execute();
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', PUBLIC_USERNAME)
    .executeTakeFirstOrThrow();
  const user: AuthUser = {
    id: u.id,
    username: PUBLIC_USERNAME,
    displayName: u.display_name,
    orgId: root.id,
    orgPath: root.path,
    orgName: root.name,
    orgLevel: root.level,
    mustChangePassword: false,
    pendingSecondFactor: false,
    mustEnrolSecondFactor: false,
    permissions: new Set(['case.create']),
    sessionId: '',
    csrfToken: '',
  };
  return { ...ctx, user };
}
