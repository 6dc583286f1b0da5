import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest } from '../../core/errors.ts';
import { changedFields, recordChange } from '../registry/history.ts';
import { starRating } from './rating.ts';
import { activeCriteria } from './rental-criteria.ts';
import { insertInspection, latestInspection, rentalForWrite, updateRentalRow } from './rental-repository.ts';
import { getRental } from './rentals.ts';

/** An inspection scores every active criterion; the rental takes its stars and hazard flag. */
export async function addInspection(
  ctx: SignedInContext,
  rentalId: string,
  body: {
    findings: string;
    scores: Record<string, number>;
    hazard?: boolean | undefined;
    inspectedAt?: Date | undefined;
  },
) {
  return inTransaction(ctx, async (tx) => {
    const r = await rentalForWrite(tx, rentalId);
    const criteria = (await activeCriteria(tx.db)).filter((c) => !c.disabled);
    const { score, stars } = starRating(criteria, body.scores);
    // A criterion under 60 is a failed check: a hazard unless the inspector says otherwise.
    const hazard = body.hazard ?? Object.values(body.scores).some((s) => s < 60);
    const at = body.inspectedAt ?? tx.clock.now();
    if (at > tx.clock.now()) throw badRequest('inspectedAt', 'cannot be in the future');
    const row = await insertInspection(tx.db, {
      rental_id: rentalId,
      inspected_at: at,
      inspector_id: tx.user.id,
      inspector_name: tx.user.displayName,
      findings: body.findings,
      scores: JSON.stringify(body.scores),
      star_rating: stars,
      hazard,
    });
    // The rental shows its latest inspection; an older one entered late does not overwrite it.
    const latest = await latestInspection(tx.db, rentalId);
    if (latest.id === row.id) {
      await updateRentalRow(tx.db, rentalId, {
        star_rating: stars,
        rated_at: at,
        has_hazard: hazard,
        updated_at: tx.clock.now(),
        version: r.version + 1,
      });
      await recordChange(tx, {
        entity: 'rental',
        entityId: rentalId,
        action: 'inspect',
        changes: changedFields(
          { starRating: r.star_rating, hasHazard: r.has_hazard },
          { starRating: stars, hasHazard: hazard, inspectionId: row.id },
        ),
      });
    }
    return { id: row.id, score, starRating: stars, hazard, rental: await getRental(tx, rentalId) };
  });
}
