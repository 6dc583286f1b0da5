import type { SignedInContext } from '../../../core/context.ts';
import { writeClock, writeEvent } from '../../../core/workflow/store.ts';
import { insertAssignments } from './assignment-repository.ts';
import { DUE_CLOCK } from './assignment-workflow.ts';

/**
 * 大联动: gives each co-department its own assignment (pending, with its own due clock), at dispatch or later.
 * An assignment is created, not moved, so this is the one step the assignment workflow's runner does not take;
 * its timeline starts with the `assign_co` event written here.
 */
export async function assignCoDepartments(
  ctx: SignedInContext,
  caseId: string,
  depts: readonly { id: string; path: string; name: string }[],
  time: { due: Date | null; warnAt: Date | null },
  now: Date,
) {
  const rows = await insertAssignments(
    ctx.db,
    depts.map((d) => ({
      caseId,
      orgId: d.id,
      orgPath: d.path,
      due: time.due,
      warnAt: time.warnAt,
      assignedBy: ctx.user.id,
      at: now,
    })),
  );
  for (const r of rows) {
    const owner = { ownerType: 'case_assignment', ownerId: r.id };
    if (time.due)
      await writeClock(
        ctx.db,
        owner,
        { op: 'start', clock: DUE_CLOCK, startedAt: now, warnAt: time.warnAt, deadline: time.due },
        now,
      );
    const dept = depts.find((d) => d.id === r.orgId)!;
    await writeEvent(ctx.db, owner, {
      at: now,
      actor: ctx.user,
      action: 'assign_co',
      toStatus: 'pending',
      data: { caseId, departmentId: dept.id, department: dept.name, due: time.due },
    });
  }
  return rows;
}
