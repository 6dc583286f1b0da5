import { sql } from 'kysely';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { notFound, staleVersion } from '../../core/errors.ts';
import { DEFAULT_ADMIN_PASSWORD_MAX_DAYS } from './password-lifetime.ts';

/** The district (root org) above the caller: its password rule is the caller's to set. */
async function districtOf(ctx: SignedInContext) {
  const { rows } = await sql<{ id: string }>`
    SELECT d.id FROM orgs d WHERE d.parent_id IS NULL AND starts_with(${ctx.user.orgPath}, d.path)`.execute(
    ctx.db,
  );
  if (!rows[0]) throw notFound('district');
  return rows[0].id;
}

export async function getSettings(ctx: SignedInContext) {
  const orgId = await districtOf(ctx);
  const row = await ctx.db
    .selectFrom('security_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return {
    adminPasswordMaxDays: row?.admin_password_max_days ?? DEFAULT_ADMIN_PASSWORD_MAX_DAYS,
    passwordMaxDays: row?.password_max_days ?? null,
    version: row?.version ?? 0,
  };
}

export async function saveSettings(
  ctx: SignedInContext,
  input: { adminPasswordMaxDays: number; passwordMaxDays: number | null; version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const orgId = await districtOf(tx);
    const before = await getSettings(tx);
    if (before.version !== input.version) throw staleVersion(before.version);
    await tx.db
      .insertInto('security_settings')
      .values({
        org_id: orgId,
        admin_password_max_days: input.adminPasswordMaxDays,
        password_max_days: input.passwordMaxDays,
      })
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({
          admin_password_max_days: input.adminPasswordMaxDays,
          password_max_days: input.passwordMaxDays,
          version: sql`security_settings.version + 1`,
          updated_at: tx.clock.now(),
        }),
      )
      .execute();
    const after = await getSettings(tx);
    await audit(tx, {
      action: 'security.settings_update',
      entityType: 'security_settings',
      entityId: orgId,
      orgId,
      summary: `password lifetime: administrators ${after.adminPasswordMaxDays} days, others ${after.passwordMaxDays ?? 'unlimited'}`,
      before,
      after,
    });
    return after;
  });
}
