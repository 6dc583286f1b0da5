import type { SignedInContext } from '../../core/context.ts';

/** One field's move: what it held before and after the write. Sensitive values are masked on read, not here. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields of `after` whose values differ from `before` (compared as JSON, so arrays and dates work). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const out: FieldChanges = {};
  for (const [k, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[k];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) out[k] = { from: from ?? null, to };
  }
  return out;
}

/**
 * Appends a row to the change history of a registry record (person, house, rental, permit, organisation…),
 * with the caller's handle so it commits with the write. Nothing is written when nothing changed.
 */
export async function recordChange(
  ctx: SignedInContext,
  entry: { entity: string; entityId: string; action: string; changes: FieldChanges },
): Promise<void> {
  if (entry.action === 'update' && Object.keys(entry.changes).length === 0) return;
  await ctx.db
    .insertInto('registry_changes')
    .values({
      entity: entry.entity,
      entity_id: entry.entityId,
      at: ctx.clock.now(),
      actor_id: ctx.user.id,
      actor_name: ctx.user.displayName,
      action: entry.action,
      changes: JSON.stringify(entry.changes),
    })
    .execute();
}
