import type { SignedInContext } from '../../core/context.ts';
import { decodeCursor, pageOf } from '../../core/paging.ts';
import { addDays, dutyHours, shanghaiInstant } from './coverage.ts';
import { dutyBook } from './signin-repository.ts';

/** The month's confirmed duty record per employer, one row a sign-in, hours inside the shift. */
export async function dutyBookPage(
  ctx: SignedInContext,
  f: { month: string; employer?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const first = `${f.month}-01`;
  const next = addDays(first, 32).slice(0, 7) + '-01';
  const rows = await dutyBook(ctx.db, ctx.scope, {
    from: shanghaiInstant(first, 0),
    to: shanghaiInstant(next, 0),
    employer: f.employer,
    limit: f.limit,
    after: decodeCursor(f.cursor, 4),
  });
  const page = pageOf(rows, f.limit, (r) => [r.employer, r.name, r.signed_in_at.toISOString(), r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      employer: r.employer ?? '',
      name: r.name,
      postName: r.post_name,
      signedInAt: r.signed_in_at.toISOString(),
      signedOutAt: r.signed_out_at?.toISOString() ?? null,
      hours: r.signed_out_at ? dutyHours(r, r.signed_in_at, r.signed_out_at) : 0,
      confirmedAt: r.confirmed_at?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
