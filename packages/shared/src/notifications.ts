/**
 * The message catalogue of notifications (通知): a notification is stored as its kind plus parameters and
 * worded when it is read, in the reader's language, so a Chinese writer never decides what an English reader
 * sees. The stored `title` keeps the Chinese wording as a fallback (rows from before the catalogue, a kind a
 * newer server wrote). Placeholders are `{{name}}`; zh and en of one kind use the same names.
 */
export const NOTIFICATION_MESSAGES = {
  'case.reported': {
    title: { zh: '新事件待受理：{{title}}', en: 'New case to take in: {{title}}' },
  },
  'case.escalate': {
    title: { zh: '上报事件待处理：{{title}}', en: 'Case escalated to you: {{title}}' },
  },
  'case.escalated': {
    title: { zh: '超时自动上报：{{title}}', en: 'Escalated automatically when overdue: {{title}}' },
  },
  'case.dispatch': {
    title: { zh: '新派遣任务：{{title}}', en: 'New dispatched task: {{title}}' },
  },
  'case.return': {
    title: { zh: '事件被退回：{{title}}', en: 'Case returned: {{title}}' },
  },
  'case.feedback': {
    title: { zh: '待核查：{{title}}', en: 'To verify: {{title}}' },
  },
  'case.verify_passed': {
    title: { zh: '核查通过待结案：{{title}}', en: 'Verified, ready to close: {{title}}' },
  },
  'case.verify_failed': {
    title: { zh: '核查未通过需返工：{{title}}', en: 'Verification failed, rework needed: {{title}}' },
  },
  'case.extension_approved': {
    title: { zh: '延期申请已批准：{{title}}', en: 'Extension approved: {{title}}' },
  },
  'case.extension_declined': {
    title: { zh: '延期申请未批准：{{title}}', en: 'Extension declined: {{title}}' },
  },
  'case.supervise': {
    title: { zh: '督办：{{title}}', en: 'Supervision notice: {{title}}' },
  },
  'case.warning': {
    title: { zh: '即将超时：{{title}}', en: 'Due soon: {{title}}' },
  },
  'case.overdue': {
    title: { zh: '已超时：{{title}}', en: 'Overdue: {{title}}' },
    sms: {
      zh: '【CivicGrid】事件{{number}}已超时：{{title}}',
      en: '[CivicGrid] Case {{number}} is overdue: {{title}}',
    },
  },
  'permit.expiring': {
    title: {
      zh: '居住证即将到期：{{name}}（{{validTo}}）',
      en: 'Residence permit expiring: {{name}} ({{validTo}})',
    },
    body: {
      zh: '居住证 {{number}} 将于 {{validTo}} 到期，请提醒持证人办理续签。',
      en: 'Residence permit {{number}} expires on {{validTo}}; remind the holder to renew it.',
    },
  },
  'referral.transfer': {
    title: { zh: '待接收：{{label}}', en: 'Transfer to accept: {{label}}' },
  },
  'referral.referral': {
    title: { zh: '待接收：{{label}}', en: 'Referral to answer: {{label}}' },
  },
  'referral.invite': {
    title: { zh: '待接收：{{label}}', en: 'Invitation to answer: {{label}}' },
  },
  'referral.accepted': {
    title: { zh: '已接收：{{label}}', en: 'Accepted: {{label}}' },
  },
  'referral.declined': {
    title: { zh: '已拒收：{{label}}', en: 'Declined: {{label}}' },
  },
  'referral.expired': {
    title: { zh: '转交未获答复，已退回', en: 'Not answered in time; it came back to you' },
  },
  // Petitions (信访): a matter sent to an authority, and its legal clock running short or out.
  'petition.transferred': {
    title: { zh: '信访事项待受理：{{number}}', en: 'Petition to accept: {{number}}' },
  },
  'petition.warning': {
    title: { zh: '信访事项即将到期：{{number}}', en: 'Petition due soon: {{number}}' },
  },
  'petition.overdue': {
    title: { zh: '信访事项已超期：{{number}}', en: 'Petition overdue: {{number}}' },
  },
  // 大调解 (modules.md §4.1): the mediation clock's yellow and red warnings, and the mediators assigned.
  'dispute.assigned': {
    title: { zh: '指派调解：{{number}}', en: 'Dispute assigned to you: {{number}}' },
  },
  'dispute.warning': {
    title: { zh: '调解即将到期：{{number}}', en: 'Mediation due soon: {{number}}' },
  },
  'dispute.overdue': {
    title: { zh: '调解已超期：{{number}}', en: 'Mediation overdue: {{number}}' },
  },
  // 维稳 (modules.md §4.4): risk factors assigned, escalated and overdue; warnings to acknowledge.
  'risk.assigned': {
    title: { zh: '交办不稳定因素：{{number}} {{title}}', en: 'Risk factor assigned: {{number}} {{title}}' },
  },
  'risk.escalated': {
    title: {
      zh: '不稳定因素上报待接收：{{number}} {{title}}',
      en: 'Risk factor escalated to you: {{number}} {{title}}',
    },
  },
  'risk.escalation_declined': {
    title: { zh: '上级未接收上报：{{number}} {{title}}', en: 'Escalation declined: {{number}} {{title}}' },
  },
  'risk.warning': {
    title: {
      zh: '不稳定因素即将到期：{{number}} {{title}}',
      en: 'Risk factor due soon: {{number}} {{title}}',
    },
  },
  'risk.overdue': {
    title: {
      zh: '不稳定因素化解超期：{{number}} {{title}}',
      en: 'Risk factor overdue: {{number}} {{title}}',
    },
  },
  'warning.issued': {
    title: { zh: '预警待签收：{{number}} {{title}}', en: 'Warning to acknowledge: {{number}} {{title}}' },
  },
  'warning.escalated': {
    title: {
      zh: '预警超时未签收已上报：{{number}} {{title}}',
      en: 'Warning not acknowledged in time: {{number}} {{title}}',
    },
  },
  // 大联动 (case co-handling): a co-department's own assignment.
  'case.co_assign': {
    title: { zh: '新协办任务：{{title}}', en: 'New co-handling task: {{title}}' },
  },
  'case.co_declined': {
    title: { zh: '{{department}}拒绝协办：{{title}}', en: '{{department}} declined to co-handle: {{title}}' },
  },
  'case.co_done': {
    title: {
      zh: '{{department}}已完成协办：{{title}}',
      en: '{{department}} finished co-handling: {{title}}',
    },
  },
  'case.co_withdrawn': {
    title: { zh: '协办任务已撤回：{{title}}', en: 'Co-handling task withdrawn: {{title}}' },
  },
  'case.co_overdue': {
    title: {
      zh: '{{department}}协办超期：{{title}}',
      en: '{{department}} is overdue co-handling: {{title}}',
    },
  },
  // 首问负责: the first receiver follows a case another unit holds.
  'case.first_receiver_update': {
    title: { zh: '您首问的事件有新进展：{{title}}', en: 'A case you received first has moved on: {{title}}' },
  },
  'case.mentioned': {
    title: {
      zh: '会商中提到了您的单位：{{title}}',
      en: 'Your unit was mentioned in a consultation: {{title}}',
    },
  },
  'case.co_override': {
    title: { zh: '领导同意先行反馈：{{title}}', en: 'A leader let you give feedback now: {{title}}' },
  },
  // 群防群治: a shift within 24 h below its post's minimum, to the team leader.
  'volunteer.shift_understaffed': {
    title: {
      zh: '班次缺员：{{post}} {{start}}（{{have}}/{{need}}人）',
      en: 'Shift understaffed: {{post}} {{start}} ({{have}}/{{need}})',
    },
  },
  // 回访 (0032): an unsatisfied evaluation asks the centre to call the reporter back; a reopened case.
  'case.callback_due': {
    title: {
      zh: '群众不满意，请回访：{{title}}',
      en: 'The reporter is unsatisfied, call them back: {{title}}',
    },
  },
  'case.reopened': {
    title: { zh: '事件已重新办理：{{title}}', en: 'A case has been reopened: {{title}}' },
  },
  // 网格通 (0037): a missing 工作日志, a 一键通 alarm to the grid's worker, and one unanswered in time.
  'field.worklog_missing': {
    title: { zh: '请补写 {{day}} 的工作日志', en: 'Your work log for {{day}} is missing' },
  },
  'field.alarm_raised': {
    title: {
      zh: '一键通呼叫：{{location}}，请在 {{minutes}} 分钟内到达',
      en: 'One-touch call: {{location}}, be there within {{minutes}} minutes',
    },
  },
  'field.alarm_overdue': {
    title: {
      zh: '一键通呼叫超时未到达：{{location}}（{{worker}}）',
      en: 'One-touch call not answered in time: {{location}} ({{worker}})',
    },
  },
  // 特殊人群 (modules.md §4.3): a contact of the rhythm due, and missed past its grace days.
  'special.contact_due': {
    title: { zh: '帮教走访到期：{{name}}（{{due}}）', en: 'Contact due: {{name}} ({{due}})' },
  },
  'special.contact_missed': {
    title: {
      zh: '帮教走访逾期未完成：{{name}}（应于{{due}}）',
      en: 'Contact missed: {{name}} (due {{due}})',
    },
  },
  // 会议交办事项 (0034): a decision handed to someone, and one past its deadline (once).
  'meeting.decision_assigned': {
    title: {
      zh: '会议交办事项：{{content}}（{{meeting}}）',
      en: 'Meeting decision for you: {{content}} ({{meeting}})',
    },
  },
  'meeting.decision_overdue': {
    title: {
      zh: '会议交办事项已逾期：{{content}}（{{meeting}}）',
      en: 'Meeting decision overdue: {{content}} ({{meeting}})',
    },
  },
  // 定期报送 (returns kit): a unit's return past its due time, told once.
  'return.late': {
    title: {
      zh: '报送已逾期，请尽快填报：{{campaign}}',
      en: 'Your return is overdue, please file it: {{campaign}}',
    },
  },
} as const satisfies Record<string, NotificationEntry>;

export interface NotificationText {
  zh: string;
  en: string;
}
export interface NotificationEntry {
  title: NotificationText;
  body?: NotificationText;
  sms?: NotificationText;
}

export type NotificationKind = keyof typeof NOTIFICATION_MESSAGES;
export type NotificationLang = keyof NotificationText;

type Placeholders<S> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Placeholders<Rest> : never;
type TextsOf<K extends NotificationKind> = {
  [P in keyof (typeof NOTIFICATION_MESSAGES)[K]]: (typeof NOTIFICATION_MESSAGES)[K][P] extends { zh: infer Z }
    ? Z
    : never;
}[keyof (typeof NOTIFICATION_MESSAGES)[K]];
/** The parameters a kind's texts name: a writer that leaves one out does not compile. */
export type NotificationParams<K extends NotificationKind> = Record<Placeholders<TextsOf<K>>, string>;

/** What a writer hands over: the kind and its parameters, never a finished sentence. */
export type NotificationMessage = {
  [K in NotificationKind]: { kind: K; params: NotificationParams<K> };
}[NotificationKind];

export function notification<K extends NotificationKind>(
  kind: K,
  params: NotificationParams<K>,
): Extract<NotificationMessage, { kind: K }> {
  return { kind, params } as unknown as Extract<NotificationMessage, { kind: K }>;
}

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_MESSAGES, kind);
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
}

/**
 * Words one part of a notification. Null when the kind is unknown, the part is absent, or a parameter is
 * missing (a row written before the catalogue): the caller then shows what was stored.
 */
export function renderNotification(
  kind: string,
  params: unknown,
  lang: NotificationLang,
  part: keyof NotificationEntry = 'title',
): string | null {
  if (!isNotificationKind(kind)) return null;
  const entry: NotificationEntry = NOTIFICATION_MESSAGES[kind];
  const template = entry[part]?.[lang];
  if (!template) return null;
  const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  let missing = false;
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = p[name];
    if (typeof v !== 'string' && typeof v !== 'number') {
      missing = true;
      return '';
    }
    return String(v);
  });
  return missing ? null : text;
}

/** The Chinese wording a writer stores beside the parameters (the fallback of old readers). */
export function chineseTitle(m: NotificationMessage): string {
  return renderNotification(m.kind, m.params, 'zh') ?? m.kind;
}
