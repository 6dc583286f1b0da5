import { MEDIATION_MEETING_KINDS } from '@civicgrid/shared/meetings';
import { registerIndicatorSource } from '../../core/indicators/registry.ts';
import { actionOnTimeSource } from '../../core/meetings/indicators.ts';
import { meetingRoutes } from '../../core/meetings/routes.ts';
import { registerMeetingSpace, type MeetingSpace } from '../../core/meetings/spaces.ts';
import { meetingTaskKind } from '../../core/meetings/task-kind.ts';
import { registerTaskKind } from '../../core/tasks/registry.ts';

/**
 * 三调联席会 (modules.md §4.1): the weekly joint meeting of people's, administrative and judicial mediation,
 * on the kit's meetings part. Its agenda items are disputes; each decision names who answers for the dispute
 * (包案责任人) and by when (化解时限).
 */
export const MEDIATION_MEETINGS: MeetingSpace = {
  module: 'mediation',
  prefix: '/api/mediation/meetings',
  webPath: '/mediation/meetings',
  kinds: MEDIATION_MEETING_KINDS,
  agendaTypes: ['dispute'],
  read: 'mediation.read',
  manage: 'mediation.manage',
};

export const mediationMeetingRoutes = meetingRoutes(MEDIATION_MEETINGS);
const onTime = actionOnTimeSource(MEDIATION_MEETINGS, 'mediation.actionOnTime');

const taskKind = meetingTaskKind(MEDIATION_MEETINGS, { zh: '联席会交办事项', en: 'Joint meeting decisions' });

export function registerMediationMeetings() {
  registerMeetingSpace(MEDIATION_MEETINGS);
  registerTaskKind(taskKind);
  registerIndicatorSource(onTime);
}
