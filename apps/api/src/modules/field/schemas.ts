import { z } from 'zod';
import { WUBIFANG_GROUPS } from '@civicgrid/shared/field-day';
import { cursorSchema, limitSchema } from '../../core/paging.ts';
import { exportFormat } from '../../core/xlsx.ts';

/** Response and query schemas of the field routes added in 0037 (logs, terminals, alarms, 五必访). */
const summary = z.object({
  visits: z.number(),
  households: z.array(z.string()),
  patrols: z.number(),
  patrolMinutes: z.number(),
  cases: z.number(),
  dutySignedIn: z.boolean(),
  alarmsHandled: z.number(),
});
export const workLogOut = z.object({
  id: z.string(),
  day: z.string(),
  userName: z.string(),
  summary,
  body: z.string(),
  recordedOffline: z.boolean(),
  submittedAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.number(),
});
export const draftQuery = z.object({ day: z.iso.date() });
export const draftOut = z.object({ day: z.string(), summary, log: workLogOut.nullable() });
export const pageQuery = z.object({
  mine: z.enum(['true', 'false']).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const workLogPage = z.object({ items: z.array(workLogOut), nextCursor: z.string().nullable() });
export const missingQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  gridId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const missingExportQuery = missingQuery.omit({ limit: true, cursor: true }).extend(exportFormat);
export const missingPage = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      day: z.string(),
      userId: z.string(),
      userName: z.string(),
      gridId: z.string(),
      gridName: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const terminalOut = z.object({
  id: z.string(),
  code: z.string(),
  location: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  houseId: z.string().nullable(),
  houseAddress: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  alarmCount: z.number(),
  lastAlarmAt: z.string().nullable(),
});
export const terminalCreated = terminalOut.extend({ secret: z.string() });
export const terminalQuery = z.object({
  q: z.string().trim().max(50).optional(),
  gridId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const terminalExportQuery = terminalQuery.omit({ limit: true, cursor: true }).extend(exportFormat);
export const terminalPage = z.object({
  total: z.number(),
  items: z.array(terminalOut),
  nextCursor: z.string().nullable(),
});

export const alarmOut = z.object({
  id: z.string(),
  terminalCode: z.string(),
  location: z.string(),
  personName: z.string().nullable(),
  raisedAt: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'arrived', 'handled']),
  overdue: z.boolean(),
  arrivedAt: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledNote: z.string().nullable(),
  workerName: z.string().nullable(),
  version: z.number(),
});
export const alarmQuery = pageQuery.extend({ open: z.enum(['true', 'false']).optional() });
export const alarmPage = z.object({ items: z.array(alarmOut), nextCursor: z.string().nullable() });
export const alarmAccepted = z.object({ id: z.string(), duplicate: z.boolean() });

export const wubifangOut = z.object({
  items: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      address: z.string().nullable(),
      groups: z.array(z.enum(WUBIFANG_GROUPS)),
      dueOn: z.string(),
      lastVisitAt: z.string().nullable(),
    }),
  ),
});
export const settingsOut = z.object({
  alarmResponseMinutes: z.number(),
  wubifangDays: z.object(Object.fromEntries(WUBIFANG_GROUPS.map((g) => [g, z.number()]))),
  logReminderHour: z.number(),
});
