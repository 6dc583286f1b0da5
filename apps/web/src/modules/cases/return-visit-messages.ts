import type { Strings } from '../../app/i18n/strings';

/** Strings of the return visit (回访), reply templates and the case settings page, mounted under `caseReturn`. */
export const caseReturnZh = {
  outcome: '回访结果',
  outcomes: {
    unreached: '未联系上（稍后再访）',
    satisfied: '问题已解决，群众认可',
    not_solved: '问题未解决（重新办理）',
  },
  section: '回访',
  due: '回访时限：{{time}}',
  overdue: '已超过回访时限',
  reopened: '已重新办理 {{count}} 次',
  empty: '暂无回访记录',
  evaluation: '群众评价：{{value}}',
  attempts: '未接通 {{count}} 次',
  answeredBy: '{{name}} 于 {{time}} 回访',
  open: '待回访',
  ended: '未回访即重新办理',
  settings: {
    title: '事件设置',
    returnVisit: '回访',
    callbackDays: '不满意回访时限（工作日）',
    callbackHint: '群众评价不满意后，指挥中心须在此期限内电话回访；修改只影响此后产生的回访任务',
    saved: '已保存',
  },
};

export const caseReturnEn: Strings<typeof caseReturnZh> = {
  outcome: 'Call-back result',
  outcomes: {
    unreached: 'Not reached (call again)',
    satisfied: 'Solved, the reporter agrees',
    not_solved: 'Not solved (reopen the case)',
  },
  section: 'Return visit',
  due: 'Call back by {{time}}',
  overdue: 'The call-back is overdue',
  reopened: 'Reopened {{count}} times',
  empty: 'No call-backs yet',
  evaluation: 'Reporter’s evaluation: {{value}}',
  attempts: 'Not reached {{count}} times',
  answeredBy: 'Called back by {{name}} at {{time}}',
  open: 'To call back',
  ended: 'Reopened before the call',
  settings: {
    title: 'Case settings',
    returnVisit: 'Return visit',
    callbackDays: 'Call-back time after an unsatisfied evaluation (working days)',
    callbackHint:
      'After an unsatisfied evaluation the centre calls the reporter back within this time; a change applies to call-backs opened from now on',
    saved: 'Saved',
  },
};
