import { STABILITY_MEETING_KINDS } from '@civicgrid/shared/meetings';
import { registerIndicatorSource } from '../../core/indicators/registry.ts';
import { actionOnTimeSource } from '../../core/meetings/indicators.ts';
import { meetingRoutes } from '../../core/meetings/routes.ts';
import { registerMeetingSpace, type MeetingSpace } from '../../core/meetings/spaces.ts';
import { meetingTaskKind } from '../../core/meetings/task-kind.ts';
import { registerTaskKind } from '../../core/tasks/registry.ts';

/**
 * 维稳联席会议 (modules.md §4.4: 维稳周例会, 群众工作联席会, 地企联席会议, hearings, 恳谈会) on the kit's meetings
 * part. Agenda items are risk factors (不稳定因素) and warnings (预警); the 综治办 (risk.manage) runs them.
 */
export const STABILITY_MEETINGS: MeetingSpace = {
  module: 'stability',
  prefix: '/api/stability/meetings',
  webPath: '/stability/meetings',
  kinds: STABILITY_MEETING_KINDS,
  agendaTypes: ['risk', 'warning'],
  read: 'risk.read',
  manage: 'risk.manage',
};

export const stabilityMeetingRoutes = meetingRoutes(STABILITY_MEETINGS);
const onTime = actionOnTimeSource(STABILITY_MEETINGS, 'stability.actionOnTime');

const taskKind = meetingTaskKind(STABILITY_MEETINGS, {
  zh: '维稳会议交办事项',
  en: 'Stability meeting decisions',
});

export function registerStabilityMeetings() {
  registerMeetingSpace(STABILITY_MEETINGS);
  registerTaskKind(taskKind);
  registerIndicatorSource(onTime);
}
