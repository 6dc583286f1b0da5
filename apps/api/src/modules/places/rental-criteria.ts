import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, forbidden, staleVersion } from '../../core/errors.ts';
import {
  activeCriteria,
  bumpCriteriaVersion,
  criteriaVersion,
  disableCriteria,
  upsertCriteria,
  type CriterionRow,
} from './rental-criteria-repository.ts';
import type { Db } from '../../db/client.ts';

// 出租房屋星级评定标准: the one district-wide set of weighted criteria inspections score against.
export { activeCriteria };

/** The criteria as one editable set, with the version a save must send back. */
export async function criteriaSet(db: Db) {
  const [version, criteria] = await Promise.all([criteriaVersion(db), activeCriteria(db)]);
  return { version, criteria };
}

export async function putCriteria(
  ctx: SignedInContext,
  body: {
    version: number;
    criteria: CriterionRow[];
  },
) {
  // The criteria rate every rental of the district: only the district's own registry managers edit them.
  if (ctx.user.orgLevel !== 'district') throw forbidden('only the district may change the rating criteria');
  const codes = body.criteria.map((c) => c.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw badRequest(`criteria.${codes.lastIndexOf(dup)}.code`, 'listed twice');
  // Inspectors pick criteria by name: two of the same name could not be told apart on the form.
  const names = body.criteria.map((c) => c.name);
  const dupName = names.find((n, i) => names.indexOf(n) !== i);
  if (dupName) throw badRequest(`criteria.${names.lastIndexOf(dupName)}.name`, 'listed twice');
  if (!body.criteria.some((c) => !c.disabled)) throw badRequest('criteria', 'at least one must be enabled');
  return inTransaction(ctx, async (tx) => {
    // Compare-and-set first: the row lock makes a concurrent save wait, then find the version moved on.
    const version = await bumpCriteriaVersion(tx.db, body.version, tx.clock.now(), tx.user.id);
    if (version === undefined) throw staleVersion(await criteriaVersion(tx.db));
    const before = await activeCriteria(tx.db);
    // Criteria are never deleted (old inspections name them); leaving one out disables it.
    await disableCriteria(
      tx.db,
      before.filter((old) => !codes.includes(old.code)).map((old) => old.code),
    );
    await upsertCriteria(tx.db, body.criteria);
    const after = await activeCriteria(tx.db);
    await audit(tx, {
      action: 'rental_criteria.update',
      entityType: 'rental_criteria',
      orgId: tx.user.orgId,
      summary: `changed the rental rating criteria (version ${version})`,
      before,
      after,
    });
    return { version, criteria: after };
  });
}
