import { z } from 'zod';

/**
 * The grid worker's day after visits and patrols (modules.md §4.5): 工作日志, 一键通 terminals and alarms, and
 * the 五必访 due list. Shared by the API (validation) and the web (forms, offline queue).
 */

/** 五必访 (seed 000 l.176): 老党员、老干部、信访户、贫困户、企业家, each a registry person tag of the same code. */
export const WUBIFANG_GROUPS = [
  'old_party_member',
  'retired_cadre',
  'petitioner',
  'poor_household',
  'entrepreneur',
] as const;
export type WubifangGroup = (typeof WUBIFANG_GROUPS)[number];

/** District settings (the seeds give "10 分钟" and "每个工作日"; the intervals per group are the district's). */
export interface FieldSettings {
  /** 一键通: minutes from the alarm to the worker's arrival. */
  alarmResponseMinutes: number;
  /** 五必访: days between two visits per group. */
  wubifangDays: Record<WubifangGroup, number>;
  /** A missing 工作日志 is reminded from this hour (local) of the next working day. */
  logReminderHour: number;
}
export const DEFAULT_FIELD_SETTINGS: FieldSettings = {
  alarmResponseMinutes: 10,
  wubifangDays: {
    old_party_member: 30,
    retired_cadre: 30,
    petitioner: 14,
    poor_household: 30,
    entrepreneur: 90,
  },
  logReminderHour: 10,
};

const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const version = z.number().int().min(1);

export const fieldSettingsInput = z.object({
  alarmResponseMinutes: z.number().int().min(1).max(120),
  wubifangDays: z.object(
    Object.fromEntries(WUBIFANG_GROUPS.map((g) => [g, z.number().int().min(1).max(366)])) as Record<
      WubifangGroup,
      z.ZodNumber
    >,
  ),
  logReminderHour: z.number().int().min(0).max(23),
});

export const workLogInput = z.object({
  day,
  body: z.string().trim().min(1).max(4000),
  recordedOffline: z.boolean().optional(),
});
export type WorkLogInput = z.infer<typeof workLogInput>;
export const workLogUpdate = z.object({ body: z.string().trim().min(1).max(4000), version });
export const workLogReview = z.object({ comment: z.string().trim().max(1000), version });

/** What the day's records add up to, prefilled on the log. */
export interface WorkLogSummary {
  visits: number;
  households: string[];
  patrols: number;
  patrolMinutes: number;
  cases: number;
  dutySignedIn: boolean;
  alarmsHandled: number;
}

export interface WorkLog {
  id: string;
  day: string;
  userName: string;
  summary: WorkLogSummary;
  body: string;
  recordedOffline: boolean;
  submittedAt: string;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  version: number;
}

export const TERMINAL_STATUSES = ['active', 'disabled'] as const;
export const terminalInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,40}$/, 'letters, digits and - (3 to 40)'),
  location: z.string().trim().min(1).max(200),
  gridId: z.uuid(),
  personId: z.uuid().optional(),
  houseId: z.uuid().optional(),
});
export const terminalUpdate = z.object({
  location: z.string().trim().min(1).max(200).optional(),
  status: z.enum(TERMINAL_STATUSES).optional(),
  version,
});

/** The gateway's alarm: its own id (a resend carries the same), when the button was pressed. */
export const terminalAlarmInput = z.object({
  alarmId: z.string().trim().min(1).max(100),
  at: instant.optional(),
});
/** A signed alarm older or newer than this is refused as a replay. */
export const ALARM_MAX_SKEW_MS = 5 * 60_000;
/** The headers of a signed alarm: HMAC-SHA256 (hex) of `${timestamp}.${body}` under the terminal's secret. */
export const ALARM_HEADERS = {
  code: 'x-terminal-code',
  timestamp: 'x-terminal-timestamp',
  signature: 'x-terminal-signature',
} as const;

export const alarmArrive = z.object({
  version,
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
});
export const alarmHandle = z.object({ version, note: z.string().trim().min(1).max(2000) });

export const ALARM_STATUSES = ['open', 'arrived', 'handled'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

export interface TerminalAlarm {
  id: string;
  terminalCode: string;
  location: string;
  personName: string | null;
  raisedAt: string;
  deadline: string;
  status: AlarmStatus;
  overdue: boolean;
  arrivedAt: string | null;
  handledAt: string | null;
  handledNote: string | null;
  workerName: string | null;
  version: number;
}

export interface WubifangDue {
  personId: string;
  name: string;
  address: string | null;
  groups: WubifangGroup[];
  dueOn: string;
  lastVisitAt: string | null;
}
