import type { Db } from '../../db/client.ts';
import type { WorkflowDef } from '../../core/workflow/define.ts';
import { notification, renderNotification } from '@civicgrid/shared/notifications';
import { gridVerifiers, logSms, notify, usersAt, type SmsSender } from './notify.ts';
import type { CaseRow } from './repository.ts';
import type { CaseAction } from './workflow.ts';

export interface CaseDeadlineOptions {
  /** CASE_ESCALATE_OVERDUE: overdue work still waiting for a centre moves up to the next one. */
  escalateOverdue?: boolean;
  sms?: SmsSender;
}

/** Who holds a case in its status: the department handling it, the grid verifying it, or the centre. */
async function holders(db: Db, c: CaseRow): Promise<string[]> {
  if (c.status === 'dispatched' || c.status === 'handling')
    return c.departmentId ? usersAt(db, c.departmentId, 'case.handle') : [];
  if (c.status === 'handled' && c.gridId) return gridVerifiers(db, c.gridId);
  return usersAt(db, c.ownerOrgId, 'case.dispatch');
}

/**
 * Yellow and red: whoever holds a case is told when its step reaches 80 % of its time and again when it runs
 * over, by SMS too for red (overdue work should not wait for someone to open the app).
 */
export function caseDeadlines(
  opts: CaseDeadlineOptions,
): Pick<WorkflowDef<string, CaseAction, string, never, CaseRow>, 'onWarn' | 'onOverdue'> {
  const sms = opts.sms ?? logSms;
  return {
    async onWarn(ctx, c, now) {
      const to = await holders(ctx.db, c);
      await notify(ctx.db, to, {
        message: notification('case.warning', { title: c.title }),
        caseId: c.id,
        at: now,
      });
    },
    onOverdue: {
      async run(ctx, c, now) {
        const to = await holders(ctx.db, c);
        const message = notification('case.overdue', { number: c.number, title: c.title });
        await notify(ctx.db, to, {
          message,
          caseId: c.id,
          at: now,
        });
        if (!to.length) return;
        const phones = await ctx.db
          .selectFrom('users')
          .select('phone')
          .where('id', 'in', to)
          .where('phone', 'is not', null)
          .execute();
        // SMS goes out in Chinese: a phone has no reader's language to ask.
        const text = renderNotification(message.kind, message.params, 'zh', 'sms')!;
        for (const { phone } of phones) await sms.send(phone!, text);
      },
      ...(opts.escalateOverdue ? { action: 'escalate' as const } : {}),
    },
  };
}
