/**
 * Audit actions in the reader's language. Actions are stored as stable codes (`notice.update`,
 * `case.dispatch`, `auth.login_failed`); an auditor reads 公告·修改. A code is worded whole when it has its
 * own entry, otherwise as its record type and its verb, and shown raw only when neither is known, so a new
 * module's actions read sensibly before anyone words them here.
 */
type Words = { zh: string; en: string };
export type AuditLang = 'zh' | 'en';

const w = (zh: string, en: string): Words => ({ zh, en });

export const AUDIT_ENTITIES: Record<string, Words> = {
  access: w('访问控制', 'Access'),
  assessment: w('考核', 'Assessment'),
  'assessment.scheme': w('考核方案', 'Assessment scheme'),
  assessment_scheme: w('考核方案', 'Assessment scheme'),
  app_meta: w('系统设置', 'System settings'),
  audit: w('审计日志', 'Audit log'),
  auth: w('登录认证', 'Sign-in'),
  calendar: w('工作日历', 'Working calendar'),
  case: w('事件', 'Case'),
  case_assignment: w('协办任务', 'Co-handling'),
  category: w('事件分类', 'Category'),
  dispute: w('矛盾纠纷', 'Dispute'),
  document: w('文书', 'Document'),
  employment: w('从业', 'Employment'),
  grid: w('网格', 'Grid'),
  grid_staff: w('网格员配备', 'Grid staff'),
  house: w('房屋', 'House'),
  import: w('批量导入', 'Import'),
  import_job: w('批量导入', 'Import'),
  mediation: w('调解', 'Mediation'),
  notice: w('公告', 'Notice'),
  open311: w('开放接口', 'Open311'),
  org: w('组织', 'Org'),
  organization: w('单位', 'Organisation'),
  permit: w('居住证', 'Residence permit'),
  person: w('实有人口', 'Person'),
  person_tag: w('人员标签', 'Person tag'),
  petition: w('信访', 'Petition'),
  policy: w('政策文件', 'Policy'),
  policy_category: w('政策分类', 'Policy category'),
  record: w('记录', 'Record'),
  referral: w('转办', 'Referral'),
  rental: w('出租房屋', 'Rental'),
  rental_criteria: w('出租房屋评定标准', 'Rental criteria'),
  report: w('月度报告', 'Monthly report'),
  residence: w('居住登记', 'Residence'),
  role: w('角色', 'Role'),
  security: w('安全设置', 'Security'),
  security_settings: w('安全设置', 'Security settings'),
  session: w('会话', 'Session'),
  subject_request: w('个人信息请求', 'Data-subject request'),
  system: w('系统', 'System'),
  tenancy: w('租住', 'Tenancy'),
  user: w('用户', 'User'),
  zone: w('片区', 'Zone'),
};

export const AUDIT_VERBS: Record<string, Words> = {
  accept: w('接收', 'accepted'),
  apply: w('申请', 'applied'),
  approve: w('批准', 'approved'),
  cancel: w('取消', 'cancelled'),
  centre: w('设为指挥中心', 'made a centre'),
  class_add: w('标记敏感类别', 'class added'),
  class_export: w('导出敏感类别', 'class exported'),
  class_remove: w('取消敏感类别', 'class removed'),
  class_view: w('查看敏感记录', 'sensitive record read'),
  close: w('结案', 'closed'),
  commit: w('提交入库', 'committed'),
  compute: w('计算', 'computed'),
  create: w('新增', 'created'),
  decline: w('拒收', 'declined'),
  delete: w('删除', 'deleted'),
  disable: w('停用', 'disabled'),
  enable: w('启用', 'enabled'),
  dispatch: w('派遣', 'dispatched'),
  download: w('下载', 'downloaded'),
  end: w('结束', 'ended'),
  errors_export: w('导出错误清单', 'errors exported'),
  escalate: w('上报', 'escalated'),
  evaluate: w('评价', 'evaluated'),
  expire: w('超时退回', 'expired'),
  export: w('导出', 'exported'),
  extend: w('申请延期', 'extension asked'),
  feedback: w('处置反馈', 'feedback given'),
  generate: w('生成', 'generated'),
  geometry: w('修改边界', 'boundary changed'),
  hours: w('设置工作时间', 'working hours set'),
  import: w('导入', 'imported'),
  issue: w('出具', 'issued'),
  login: w('登录', 'signed in'),
  login_failed: w('登录失败', 'sign-in failed'),
  login_locked: w('登录被锁定', 'sign-in locked'),
  logout: w('退出', 'signed out'),
  merge: w('合并', 'merged'),
  move: w('调整上级', 'moved'),
  number_pattern: w('设置编号规则', 'number pattern set'),
  password_change: w('修改密码', 'password changed'),
  password_expired: w('密码过期', 'password expired'),
  publish: w('发布', 'published'),
  register: w('登记', 'registered'),
  reject: w('不予受理', 'rejected'),
  renew: w('续签', 'renewed'),
  reset_password: w('重置密码', 'password reset'),
  return: w('退回', 'returned'),
  revoke: w('吊销', 'revoked'),
  role_grant: w('授予角色', 'role granted'),
  sensitive_export: w('导出完整信息', 'full data exported'),
  sensitive_search: w('按完整号码查询', 'searched by full number'),
  sensitive_view: w('查看完整信息', 'full data viewed'),
  settings: w('修改设置', 'settings changed'),
  settings_update: w('修改设置', 'settings changed'),
  staff_assign: w('配备网格员', 'staff assigned'),
  staff_end: w('网格员离岗', 'staff ended'),
  subject_add: w('关联人员房屋', 'subject linked'),
  subject_remove: w('解除关联', 'subject unlinked'),
  submit: w('提交', 'submitted'),
  supervise: w('督办', 'supervised'),
  suspend: w('挂起', 'suspended'),
  unlock: w('解锁', 'unlocked'),
  unpublish: w('撤下', 'unpublished'),
  update: w('修改', 'updated'),
  upload: w('上传', 'uploaded'),
  verify: w('核查', 'verified'),
  withdraw: w('撤回', 'withdrawn'),
};

/** Codes that read better whole than as record type plus verb. */
const WHOLE: Record<string, Words> = {
  'access.denied': w('拒绝访问', 'Access refused'),
  'auth.login': w('登录', 'Signed in'),
  'auth.logout': w('退出登录', 'Signed out'),
  'auth.login_failed': w('登录失败', 'Sign-in failed'),
  'assessment.period.compute': w('考核·计算得分', 'Assessment scores computed'),
  'assessment.period.publish': w('考核·发布结果', 'Assessment results published'),
  'assessment.period.unpublish': w('考核·撤回结果', 'Assessment results withdrawn'),
  'auth.login_password_ok': w('登录·密码正确待验证', 'Password right, second factor next'),
  'assessment.scores.put': w('考核·录入评分', 'Assessment scores entered'),
  'audit.verify': w('审计日志·完整性校验', 'Audit chain checked'),
  'audit.verify_failed': w('审计日志·完整性校验未通过', 'Audit chain check failed'),
  'auth.locked': w('账号锁定', 'Account locked'),
  'auth.second_factor_enrolled': w('绑定双因素认证', 'Second factor enrolled'),
  'auth.second_factor_renewed': w('更换双因素认证', 'Second factor renewed'),
  'calendar.day': w('工作日历·设置日期', 'Calendar day set'),
  'calendar.day_clear': w('工作日历·恢复默认', 'Calendar day reset'),
  'case.reporter_view': w('事件·查看报告人信息', 'Case reporter details read'),
  'document.series.set': w('文书·设置文号字号', 'Document series set'),
  'auth.second_factor_disabled': w('关闭双因素认证', 'Second factor turned off'),
  'auth.second_factor_failed': w('双因素验证失败', 'Second factor failed'),
  'person.lookup_limited': w('号码查询次数超限', 'Number lookups limited'),
  'system.init': w('系统初始化', 'System initialised'),
  'user.second_factor_reset': w('重置双因素认证', 'Second factor reset'),
};

/** The words for one audit action code. */
export function auditActionLabel(code: string, lang: AuditLang): string {
  const whole = WHOLE[code];
  if (whole) return whole[lang];
  const dot = code.lastIndexOf('.');
  const entity = dot > 0 ? AUDIT_ENTITIES[code.slice(0, dot)] : undefined;
  const verb = AUDIT_VERBS[dot > 0 ? code.slice(dot + 1) : code];
  if (entity && verb) return lang === 'zh' ? `${entity.zh}·${verb.zh}` : `${entity.en} ${verb.en}`;
  if (verb && dot <= 0) return lang === 'zh' ? verb.zh : verb.en.charAt(0).toUpperCase() + verb.en.slice(1);
  return code;
}

/** The words for a record type (`entity_type`), or the code itself. */
export function auditEntityLabel(type: string, lang: AuditLang): string {
  return AUDIT_ENTITIES[type]?.[lang] ?? type;
}
