import type { RiskRegisterInput } from '@civicgrid/shared/stability';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { ownerType } from '../../core/records/owners.ts';
import { writeEvent } from '../../core/workflow/store.ts';
import * as repo from './repository.ts';

/** Each linked petition, dispute or case must be one the reporter may see; its label is kept with the link. */
async function checkedLinks(ctx: SignedInContext, links: RiskRegisterInput['links']) {
  const out: { type: string; id: string; label: string }[] = [];
  for (const [i, l] of links.entries()) {
    const def = ownerType(l.type);
    const visible = ctx.user.permissions.has(def.permissions.read)
      ? await def.visibleIds(ctx, [l.id])
      : new Set<string>();
    const info = visible.has(l.id) ? (await def.describe(ctx.db, [l.id])).get(l.id) : undefined;
    if (!info) throw badRequest(`links.${i}.id`, `no such ${l.type} you may see`);
    out.push({ type: l.type, id: l.id, label: info.label });
  }
  return out;
}

/** 排查上报: the risk factor, its links and its first timeline row, in one transaction; a retry replays. */
export async function registerRisk(ctx: SignedInContext, input: RiskRegisterInput, key: string | null) {
  const fingerprint = key ? requestFingerprint(input) : null;
  if (key) {
    const had = await repo.riskByIdempotencyKey(ctx.db, key);
    if (had) {
      if (had.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
      return { id: had.id, replayed: true };
    }
  }
  return inTransaction(ctx, async (tx) => {
    const at = await repo.orgInScope(tx.db, tx.scope, input.orgId);
    if (!at) throw badRequest('orgId', 'no such grid or community in your part of the tree');
    const links = await checkedLinks(tx, input.links);
    const now = tx.clock.now();
    const seq = await repo.nextRiskSeq(tx.db);
    const number = `WW${localDay(now).replaceAll('-', '')}${String(seq).padStart(4, '0')}`;
    const row = await repo.insertRisk(tx.db, {
      number,
      title: input.title,
      type: input.type,
      source: input.source,
      level: input.level,
      people_involved: input.peopleInvolved,
      // 群体性: flagged by the reporter, or five people or more.
      collective: input.collective || input.peopleInvolved >= 5,
      location: input.location ?? null,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      description: input.description ?? null,
      sensitive_period: input.sensitivePeriod ?? null,
      org_id: at.id,
      org_path: at.path,
      status: 'registered',
      reported_by: tx.user.id,
      reported_at: now,
      idempotency_key: key,
      idempotency_hash: fingerprint,
    });
    await repo.insertLinks(tx.db, row.id, links);
    await writeEvent(
      tx.db,
      { ownerType: 'risk', ownerId: row.id },
      {
        at: now,
        actor: tx.user,
        action: 'register',
        toStatus: 'registered',
        note: input.title,
        data: { level: input.level, source: input.source, at: at.name },
      },
    );
    await audit(tx, {
      action: 'risk.register',
      entityType: 'risk',
      entityId: row.id,
      orgId: at.id,
      summary: `registered risk factor ${number} (${input.level}) at ${at.name}`,
      after: { number, type: input.type, level: input.level, source: input.source },
    });
    return { id: row.id, replayed: false };
  });
}
