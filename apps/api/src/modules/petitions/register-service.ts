import { COLLECTIVE_PEOPLE, type PetitionRegisterInput } from '@civicgrid/shared/petitions';
import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import { idempotencyKeyReused, requestFingerprint } from '../../core/idempotency.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import { subjectType } from '../../core/records/subject-types.ts';
import { writeClock, writeEvent } from '../../core/workflow/store.ts';
import { legalClock } from './clocks.ts';
import { insertPetition, linkParts, petitionByIdempotencyKey } from './register-repository.ts';
import {
  nextPetitionNumber,
  orgById,
  personByIdNumber,
  personsById,
  samePersonMatter,
  visiblePetitionIds,
} from './repository.ts';

type PersonInput = NonNullable<PetitionRegisterInput['petitioner']>;
interface Person {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  orgPath: string | null;
}

const YEAR_MS = 365 * 86_400_000;

/** Field errors of the registry's checks, renamed to where they sit in this form (petitioner.idNumber). */
function underField(field: string, err: unknown): never {
  if (err instanceof AppError && err.status === 400) {
    const fields = (err.details as { fields?: { path: string; message: string }[] } | undefined)?.fields;
    const first = fields?.[0];
    if (first) throw badRequest(`${field}.${first.path}`, first.message);
  }
  throw err;
}

/**
 * The petitioner from the registry: by id, by ID number when already known, or created inline through the
 * registry's own use case (GB 11643 checks, history, audit) when the desk types in someone new.
 */
const person = (r: {
  id: string;
  name: string;
  id_number: string;
  phone: string | null;
  org_path: string;
}) => ({
  id: r.id,
  name: r.name,
  idNumber: r.id_number,
  phone: r.phone,
  orgPath: r.org_path,
});

async function resolvePerson(ctx: SignedInContext, field: string, p: PersonInput): Promise<Person> {
  const persons = subjectType('person');
  if (p.personId) {
    const found = (await persons.visibleIds(ctx, [p.personId])).has(p.personId)
      ? (await personsById(ctx.db, [p.personId]))[0]
      : undefined;
    if (!found) throw badRequest(`${field}.personId`, 'no such person in your part of the tree');
    return { ...person(found) };
  }
  if (!p.idNumber) throw badRequest(`${field}.idNumber`, 'required without personId');
  const idNumber = p.idNumber.toUpperCase();
  const existing = await personByIdNumber(ctx.db, idNumber);
  if (existing) return person(existing);
  if (!p.name) throw badRequest(`${field}.name`, 'required for a person not yet in the registry');
  const created = await persons
    .create!.run(ctx, {
      name: p.name,
      idType: 'citizen_id',
      idNumber,
      residenceType: 'registered',
      phone: p.phone ?? null,
    })
    .catch((err: unknown) => underField(field, err));
  return { id: created.id, name: p.name, idNumber, phone: p.phone ?? null, orgPath: null };
}

/** category + the authority or accused unit + the address without spaces: "the same matter" for 重复访. */
export function matterKey(input: Pick<PetitionRegisterInput, 'category' | 'address'>, orgId: string | null) {
  const place = (input.address ?? '').replace(/\s+/g, '').toLowerCase();
  return `${input.category}|${orgId ?? ''}|${place}`;
}

async function orgInTree(ctx: SignedInContext, id: string | undefined, field: string) {
  if (!id) return null;
  const org = await orgById(ctx.db, id);
  if (!org) throw badRequest(field, 'no such org');
  return org;
}

/**
 * 登记: 首问负责 (the receptionist is recorded as first receiver), the petitioner and up to five
 * representatives from the registry, 集体访 from five people, the 重复访 and 越级访 flags, the `petition` data
 * class, the route clock (15 days) and the audit row, in one transaction. A retry with the same
 * Idempotency-Key answers the first petition.
 */
export async function registerPetition(
  ctx: SignedInContext,
  input: PetitionRegisterInput,
  idempotencyKey: string | null,
) {
  const fingerprint = idempotencyKey ? requestFingerprint(input) : null;
  if (idempotencyKey) {
    const had = await petitionByIdempotencyKey(ctx.db, idempotencyKey);
    if (had) {
      if (had.idempotency_hash !== fingerprint) throw idempotencyKeyReused();
      return { id: had.id, number: had.number, version: had.version, alerts: null, replayed: true };
    }
  }
  if (input.class === 'appeal' && !input.petitioner)
    throw badRequest('petitioner', 'a 申诉求决 petition needs the petitioner (ID number)');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt > now) throw badRequest('receivedAt', 'cannot be in the future');
    const receiving = await orgInTree(tx, input.receivingOrgId ?? tx.user.orgId, 'receivingOrgId');
    if (!receiving || !pathIsInScope(tx.scope, receiving.path))
      throw badRequest('receivingOrgId', 'no such org in your part of the tree');
    const respondent = await orgInTree(tx, input.respondentOrgId, 'respondentOrgId');
    const origin = await orgInTree(tx, input.originOrgId, 'originOrgId');
    const responsible = await orgInTree(tx, input.responsibleOrgId, 'responsibleOrgId');
    const petitioner = input.petitioner ? await resolvePerson(tx, 'petitioner', input.petitioner) : null;
    const reps: Person[] = [];
    for (const [i, r] of (input.representatives ?? []).entries())
      reps.push(await resolvePerson(tx, `representatives.${i}`, r));
    const key = matterKey(input, respondent?.id ?? responsible?.id ?? null);
    const earlier = petitioner
      ? await samePersonMatter(tx.db, {
          idNumber: petitioner.idNumber,
          matterKey: key,
          since: new Date(receivedAt.getTime() - YEAR_MS),
          receivingPath: receiving.path,
        })
      : null;
    const peopleCount = Math.max(input.peopleCount, 1 + reps.length);
    const number = await nextPetitionNumber(
      tx.db,
      { id: receiving.id, code: receiving.code ?? 'XF' },
      Number(localYear(receivedAt)),
    );
    const clock = await legalClock(tx, 'route', receivedAt);
    const row = await insertPetition(tx.db, {
      number,
      channel: input.channel,
      class: input.class,
      category: input.category,
      summary: input.summary,
      demands: input.demands,
      address: input.address ?? null,
      matter_key: key,
      received_at: receivedAt,
      first_receiver_id: tx.user.id,
      first_receiver_name: tx.user.displayName,
      receiving_org_id: receiving.id,
      org_path: receiving.path,
      origin_path: origin?.path ?? petitioner?.orgPath ?? null,
      beyond_district: input.beyondDistrict ?? null,
      respondent_org_id: respondent?.id ?? null,
      respondent_path: respondent?.path ?? null,
      responsible_org_id: null,
      responsible_path: null,
      petitioner_id: petitioner?.id ?? null,
      petitioner_name: petitioner?.name ?? null,
      petitioner_id_number: petitioner?.idNumber ?? null,
      petitioner_phone: petitioner?.phone ?? null,
      people_count: peopleCount,
      collective: peopleCount >= COLLECTIVE_PEOPLE,
      repeat_of: earlier?.latest?.id ?? null,
      repeat_count: earlier?.count ?? 0,
      cross_level: earlier?.lowerUnanswered ?? false,
      status: 'registered',
      clock: 'route',
      deadline: clock.deadline,
      route_deadline: clock.deadline,
      idempotency_key: idempotencyKey,
      idempotency_hash: fingerprint,
      created_at: now,
      updated_at: now,
    });
    await linkParts(tx.db, {
      petitionId: row.id,
      orgPath: receiving.path,
      at: now,
      by: tx.user.id,
      subjects: [
        ...(petitioner ? [{ id: petitioner.id, role: 'petitioner' }] : []),
        ...reps.map((r) => ({ id: r.id, role: 'representative' })),
      ],
    });
    const owner = { ownerType: 'petition', ownerId: row.id };
    await writeClock(tx.db, owner, clock, now);
    await writeEvent(tx.db, owner, {
      at: now,
      actor: tx.user,
      action: 'register',
      toStatus: 'registered',
      data: { channel: input.channel, firstReceiver: tx.user.displayName, repeat: !!earlier?.count },
    });
    await audit(tx, {
      action: 'petition.register',
      entityType: 'petition',
      entityId: row.id,
      orgId: receiving.id,
      summary: `registered petition ${number}`,
    });
    const latest = earlier?.latest;
    const latestVisible = latest
      ? (await visiblePetitionIds(tx.db, tx.scope, [latest.id])).has(latest.id)
      : false;
    return {
      id: row.id,
      number,
      version: 1,
      replayed: false,
      alerts: {
        repeat: earlier?.count
          ? {
              count: earlier.count,
              latestNumber: latest!.number,
              latestId: latestVisible ? latest!.id : null,
              latestAnswered: !!latest!.answered_at,
            }
          : null,
        crossLevel: earlier?.lowerUnanswered ?? false,
        collective: peopleCount >= COLLECTIVE_PEOPLE,
      },
    };
  });
}

const localYear = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 4);
