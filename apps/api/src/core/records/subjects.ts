import { SUBJECT_ROLES, type SubjectRole } from '@civicgrid/shared/records';
import { audit } from '../audit.ts';
import { inTransaction, type SignedInContext } from '../context.ts';
import { AppError, badRequest, isUniqueViolation, notFound } from '../errors.ts';
import { loadOwner, requirePermission } from './owners.ts';
import { recordEvent } from './timeline.ts';
import { registeredSubjectTypes, subjectType } from './subject-types.ts';

/** A record's subjects, each described (masked) by the module that keeps it. */
export async function listSubjects(ctx: SignedInContext, type: string, id: string) {
  await loadOwner(ctx, type, id, 'read');
  const links = await ctx.db
    .selectFrom('record_subjects')
    .select(['id', 'subject_type', 'subject_id', 'role', 'created_at'])
    .where('owner_type', '=', type)
    .where('owner_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byType = new Map<string, string[]>();
  for (const l of links) byType.set(l.subject_type, [...(byType.get(l.subject_type) ?? []), l.subject_id]);
  const described = new Map<string, Awaited<ReturnType<ReturnType<typeof subjectType>['describe']>>>();
  for (const def of registeredSubjectTypes()) {
    const ids = byType.get(def.type);
    if (ids) described.set(def.type, await def.describe(ctx.db, ids));
  }
  return {
    items: links.map((l) => {
      const s = described.get(l.subject_type)?.get(l.subject_id);
      return {
        id: l.id,
        subjectType: l.subject_type,
        subjectId: l.subject_id,
        role: l.role,
        label: s?.label ?? null,
        detail: s?.detail ?? null,
        createdAt: l.created_at,
      };
    }),
  };
}

export interface SubjectLinkInput {
  subjectType: string;
  subjectId: string;
  role: string;
}

export async function addSubject(ctx: SignedInContext, type: string, id: string, input: SubjectLinkInput) {
  const def = subjectType(input.subjectType);
  if (!SUBJECT_ROLES.includes(input.role as SubjectRole))
    throw badRequest('role', `one of ${SUBJECT_ROLES.join(', ')}`);
  return inTransaction(ctx, async (tx) => {
    const { info } = await loadOwner(tx, type, id, 'write');
    // Only what the caller may see in the registry can be linked: no linking by guessed ids.
    if (!(await def.visibleIds(tx, [input.subjectId])).has(input.subjectId))
      throw badRequest('subjectId', `no such ${input.subjectType} in your part of the tree`);
    const label = (await def.describe(tx.db, [input.subjectId])).get(input.subjectId)?.label ?? '';
    const row = await tx.db
      .insertInto('record_subjects')
      .values({
        owner_type: type,
        owner_id: id,
        subject_type: def.type,
        subject_id: input.subjectId,
        role: input.role,
        created_at: tx.clock.now(),
        created_by: tx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err))
          throw new AppError('DUPLICATE', 409, 'this subject is already linked in this role');
        throw err;
      });
    await recordEvent(tx, {
      ownerType: type,
      ownerId: id,
      action: 'subject_add',
      note: label,
      data: { subjectType: def.type, subjectId: input.subjectId, role: input.role },
    });
    await audit(tx, {
      action: 'record.subject_add',
      entityType: type,
      entityId: id,
      orgId: info.orgId,
      summary: `linked ${def.type} ${input.subjectId} to ${info.label} as ${input.role}`,
    });
    return { id: row.id };
  });
}

export async function removeSubject(ctx: SignedInContext, type: string, id: string, linkId: string) {
  return inTransaction(ctx, async (tx) => {
    const { info } = await loadOwner(tx, type, id, 'write');
    const gone = await tx.db
      .deleteFrom('record_subjects')
      .where('id', '=', linkId)
      .where('owner_type', '=', type)
      .where('owner_id', '=', id)
      .returning(['subject_type', 'subject_id', 'role'])
      .executeTakeFirst();
    if (!gone) throw notFound('subject link');
    await recordEvent(tx, {
      ownerType: type,
      ownerId: id,
      action: 'subject_remove',
      data: { subjectType: gone.subject_type, subjectId: gone.subject_id, role: gone.role },
    });
    await audit(tx, {
      action: 'record.subject_remove',
      entityType: type,
      entityId: id,
      orgId: info.orgId,
      summary: `unlinked ${gone.subject_type} ${gone.subject_id} (${gone.role}) from ${info.label}`,
    });
  });
}

/** The picker: the registry's own search for that kind of subject, in the caller's scope. */
export async function searchSubjects(ctx: SignedInContext, f: { type: string; q: string; limit: number }) {
  const def = subjectType(f.type, 'type');
  requirePermission(ctx, def.searchPermission);
  return { items: await def.search(ctx, f.q, f.limit) };
}
