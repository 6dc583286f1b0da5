import { audit } from '../../core/audit.ts';
import { inTransaction, type SignedInContext } from '../../core/context.ts';
import { scopedTable } from '../../core/data/scoped-table.ts';
import { badRequest } from '../../core/errors.ts';
import { getNotice, insertNotice } from './notice-repository.ts';
import type { NoticeInput } from './schemas.ts';

export { currentNotices, getNotice, listNotices } from './notice-repository.ts';

const notices = (ctx: SignedInContext) =>
  scopedTable(ctx, 'notices', { path: 'org_path' }, { entity: 'notice' });

/** What each type of notice must say: a reception day without a time or place tells a resident nothing. */
const REQUIRED: Record<string, (keyof NoticeInput)[]> = {
  leader_reception: ['who', 'startsAt', 'place'],
  station_duty: ['who', 'startsAt', 'place'],
  service_directory: ['place', 'phone'],
  announcement: ['body'],
};

function check(input: NoticeInput) {
  for (const f of REQUIRED[input.type] ?? []) {
    const v = input[f];
    if (v === undefined || v === null || v === '') throw badRequest(f, `required for ${input.type}`);
  }
  if (input.unpublishAt && input.unpublishAt <= input.publishAt)
    throw badRequest('unpublishAt', 'must be after publishAt');
  if (input.endsAt && input.startsAt && input.endsAt < input.startsAt)
    throw badRequest('endsAt', 'must not be before startsAt');
}

const toRow = (input: NoticeInput) => ({
  type: input.type,
  title: input.title,
  body: input.body ?? '',
  who: input.who || null,
  place: input.place || null,
  phone: input.phone || null,
  hours: input.hours || null,
  starts_at: input.startsAt ?? null,
  ends_at: input.endsAt ?? null,
  publish_at: input.publishAt,
  unpublish_at: input.unpublishAt ?? null,
});

export async function createNotice(ctx: SignedInContext, input: NoticeInput) {
  check(input);
  return inTransaction(ctx, async (tx) => {
    const id = await insertNotice(tx, toRow(input));
    await audit(tx, {
      action: 'notice.create',
      entityType: 'notice',
      entityId: id,
      orgId: tx.user.orgId,
      summary: `${input.type}: ${input.title}`,
    });
    return getNotice(tx, id);
  });
}

export async function updateNotice(
  ctx: SignedInContext,
  id: string,
  input: NoticeInput & { version: number },
) {
  check(input);
  return inTransaction(ctx, async (tx) => {
    await notices(tx).updateVersioned(id, input.version, toRow(input), {
      audit: { action: 'notice.update', entityType: 'notice', summary: (n) => `edited ${n.title}` },
    });
    return getNotice(tx, id);
  });
}

/** 下架: the notice stops showing now; it stays in the staff list as ended. */
export async function unpublishNotice(ctx: SignedInContext, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    await notices(tx).updateVersioned(
      id,
      version,
      { unpublish_at: tx.clock.now() },
      {
        audit: { action: 'notice.unpublish', entityType: 'notice', summary: (n) => `unpublished ${n.title}` },
      },
    );
    return getNotice(tx, id);
  });
}

export async function deleteNotice(ctx: SignedInContext, id: string, version: number) {
  await notices(ctx).deleteVersioned(id, version, {
    audit: { action: 'notice.delete', entityType: 'notice', summary: (n) => `deleted ${n.type}: ${n.title}` },
  });
}
