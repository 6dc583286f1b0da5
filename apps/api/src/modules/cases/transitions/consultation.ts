import { notification } from '@civicgrid/shared/notifications';
import { badRequest } from '../../../core/errors.ts';
import { orgNames } from '../assignee-repository.ts';
import { usersAt } from '../notify.ts';
import { OPEN_STATUSES, type CaseStatus } from '../statuses.ts';
import { caseTransition } from './define-transition.ts';

/**
 * 会商: those working on a case confer in internal comments, mentioning its units (the centre, the lead, the
 * co-departments), whose staff are told. The event is internal: no public timeline, portal or Open311 answer
 * shows it.
 */
export const CONSULTATION_TRANSITIONS = [
  caseTransition({
    action: 'comment',
    from: [...OPEN_STATUSES, 'suspended'],
    to: 'same',
    who: 'participant',
    apply: async (ctx, c, input) => {
      const ids = [...new Set(input.mentionOrgIds ?? [])];
      const involved = new Set([c.ownerOrgId, c.departmentId, ...c.coDepartmentIds].filter(Boolean));
      if (ids.some((id) => !involved.has(id)))
        throw badRequest('mentionOrgIds', 'mention the centre or a department working on this case');
      const units = await orgNames(ctx.db, ids);
      const staff = await Promise.all(ids.map((id) => usersAt(ctx.db, id, 'case.read')));
      return {
        to: c.status as CaseStatus,
        note: input.note,
        internal: true,
        data: { mentions: units },
        notify: [
          {
            users: staff.flat().filter((u) => u !== ctx.user.id),
            message: notification('case.mentioned', { title: c.title }),
          },
        ],
      };
    },
  }),
];
