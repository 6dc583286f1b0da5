/**
 * Permission names are the contract between the API (every route declares one) and the web app
 * (menus and buttons show only what the user may do). Later modules add their own names here.
 */
export const PERMISSIONS = {
  'org.read': { group: 'org', zh: '查看组织架构', en: 'View org tree' },
  'org.manage': { group: 'org', zh: '管理组织架构', en: 'Manage org tree' },
  'grid.manage': { group: 'org', zh: '管理网格边界与人员', en: 'Manage grid boundaries and staff' },
  'calendar.manage': { group: 'org', zh: '维护工作日历', en: 'Maintain the working calendar' },
  'user.read': { group: 'user', zh: '查看用户', en: 'View users' },
  'user.manage': { group: 'user', zh: '管理用户', en: 'Manage users' },
  'user.second_factor.reset': {
    group: 'user',
    zh: '重置用户双因素认证',
    en: "Reset a user's second factor",
  },
  'user.role.grant': { group: 'user', zh: '授予与收回角色', en: 'Grant and revoke roles' },
  'user.admin_password.reset': {
    group: 'user',
    zh: '重置管理员密码',
    en: "Reset an administrator's password",
  },
  'security.settings.manage': {
    group: 'user',
    zh: '维护安全策略（密码有效期）',
    en: 'Maintain security settings (password lifetime)',
  },
  'role.read': { group: 'role', zh: '查看角色', en: 'View roles' },
  'role.manage': { group: 'role', zh: '管理角色与权限', en: 'Manage roles and permissions' },
  'audit.read': { group: 'audit', zh: '查看审计日志', en: 'Read audit log' },
  'audit.export': { group: 'audit', zh: '导出审计日志', en: 'Export audit log' },
  'category.manage': {
    group: 'case',
    zh: '维护事件分类与时限',
    en: 'Maintain case categories and time limits',
  },
  'case.read': { group: 'case', zh: '查看事件', en: 'View cases' },
  'case.create': { group: 'case', zh: '登记事件', en: 'Report cases' },
  'case.dispatch': { group: 'case', zh: '立案派遣', en: 'Register and dispatch cases' },
  'case.handle': { group: 'case', zh: '处置事件', en: 'Handle cases' },
  'case.verify': { group: 'case', zh: '核查结案', en: 'Verify and close cases' },
  'case.supervise': { group: 'case', zh: '督办', en: 'Supervise cases' },
  'registry.read': { group: 'registry', zh: '查看实有人口房屋单位', en: 'View registry' },
  'registry.manage': { group: 'registry', zh: '维护实有人口房屋单位', en: 'Maintain registry' },
  'person.sensitive.read': { group: 'registry', zh: '查看敏感信息明文', en: 'See unmasked personal data' },
  'mediation.read': { group: 'mediation', zh: '查看矛盾纠纷', en: 'View disputes' },
  'mediation.manage': { group: 'mediation', zh: '调解矛盾纠纷', en: 'Mediate disputes' },
  'mediation.report': {
    group: 'mediation',
    zh: '排查登记矛盾纠纷',
    en: 'Report disputes found in screening',
  },
  'mediation.approve': {
    group: 'mediation',
    zh: '审批调解延期与重新调解',
    en: 'Approve extensions and reopening',
  },
  'special.read': { group: 'special', zh: '使用特殊人群模块', en: 'Open special populations' },
  'special.manage': { group: 'special', zh: '特殊人群建档与管理', en: 'Open and manage special files' },
  'mediation.admin': {
    group: 'mediation',
    zh: '管理调解组织与调解员',
    en: 'Manage mediation bodies and mediators',
  },
  'dashboard.read': { group: 'dashboard', zh: '查看指挥看板', en: 'View dashboards' },
  'report.read': { group: 'dashboard', zh: '查看与生成月报', en: 'View and generate monthly reports' },
  'assessment.read': { group: 'assessment', zh: '查看考核结果', en: 'View assessment results' },
  'assessment.score': { group: 'assessment', zh: '考核评分', en: 'Enter assessment scores' },
  'assessment.manage': { group: 'assessment', zh: '管理考核方案', en: 'Manage assessment schemes' },
  'notice.manage': { group: 'public', zh: '发布公开公示', en: 'Publish notices' },
  'policy.manage': { group: 'public', zh: '维护政策库', en: 'Maintain the policy library' },
  'open311.manage': { group: 'public', zh: '管理开放接口密钥', en: 'Manage Open311 API keys' },
  // Petitions (信访, modules.md §4.2); identities and content are also the `petition` data class below.
  'petition.read': { group: 'petition', zh: '查看信访事项', en: 'View petitions' },
  'petition.register': { group: 'petition', zh: '登记与交转信访事项', en: 'Register and route petitions' },
  'petition.handle': { group: 'petition', zh: '受理办理信访事项', en: 'Accept and handle petitions' },
  'petition.approve': { group: 'petition', zh: '审批信访延期与答复', en: 'Approve petition extensions' },
  'petition.review': { group: 'petition', zh: '信访复查复核', en: 'Review and recheck petitions' },
  // 群防群治 (modules.md §4.6): volunteers, teams, posts and the roster; volunteers sign in with shift.signin alone.
  'volunteer.read': { group: 'volunteer', zh: '查看志愿者与排班', en: 'View volunteers and rosters' },
  'volunteer.manage': { group: 'volunteer', zh: '管理志愿者与队伍', en: 'Manage volunteers and teams' },
  'post.manage': { group: 'volunteer', zh: '管理岗位与排班', en: 'Manage posts and rosters' },
  'shift.signin': { group: 'volunteer', zh: '上岗签到签退', en: 'Sign in and out of shifts' },
  // 维稳 (modules.md §4.4): risk factors and early warnings.
  'risk.read': { group: 'stability', zh: '查看不稳定因素', en: 'View risk factors' },
  'risk.report': { group: 'stability', zh: '排查上报不稳定因素', en: 'Report risk factors' },
  'risk.manage': { group: 'stability', zh: '交办管控不稳定因素', en: 'Assign and control risk factors' },
  'warning.issue': { group: 'stability', zh: '发布预警', en: 'Issue warnings' },
  'warning.ack': { group: 'stability', zh: '签收预警', en: 'Acknowledge warnings' },
  'petition.leader': { group: 'petition', zh: '领导接访与包案', en: 'Leader reception days and cases' },
  'petition.admin': { group: 'petition', zh: '管理信访代理网络', en: 'Manage the petition-agent network' },
  // Sensitive data classes (records.ts DATA_CLASSES): granted by an admin; only the petition roles hold the
  // petition class (docs/decisions/0009-petition-roles.md).
  'class.petition.read': { group: 'class', zh: '查看信访类记录', en: 'Read petition-class records' },
  'class.petition.export': { group: 'class', zh: '导出信访类记录', en: 'Export petition-class records' },
  'class.corrections.read': {
    group: 'class',
    zh: '查看社区矫正类记录',
    en: 'Read corrections-class records',
  },
  'class.corrections.export': {
    group: 'class',
    zh: '导出社区矫正类记录',
    en: 'Export corrections-class records',
  },
  'class.released.read': { group: 'class', zh: '查看刑满释放类记录', en: 'Read released-class records' },
  'class.released.export': { group: 'class', zh: '导出刑满释放类记录', en: 'Export released-class records' },
  'class.drug.read': { group: 'class', zh: '查看吸毒类记录', en: 'Read drug-class records' },
  'class.drug.export': { group: 'class', zh: '导出吸毒类记录', en: 'Export drug-class records' },
  'class.mental.read': { group: 'class', zh: '查看精神障碍类记录', en: 'Read mental-health-class records' },
  'class.mental.export': {
    group: 'class',
    zh: '导出精神障碍类记录',
    en: 'Export mental-health-class records',
  },
  'class.hiv.read': { group: 'class', zh: '查看艾滋病类记录', en: 'Read HIV-class records' },
  'class.hiv.export': { group: 'class', zh: '导出艾滋病类记录', en: 'Export HIV-class records' },
  'class.youth.read': { group: 'class', zh: '查看重点青少年类记录', en: 'Read youth-class records' },
  'class.youth.export': { group: 'class', zh: '导出重点青少年类记录', en: 'Export youth-class records' },
  // Grid field work (modules.md §4.5): the field PWA's visits and patrols.
  'field.visit': { group: 'field', zh: '入户走访', en: 'Record household visits' },
  'field.patrol': { group: 'field', zh: '网格巡查', en: 'Record patrols' },
  'worklog.review': { group: 'field', zh: '查阅和批阅工作日志', en: 'Read and review work logs' },
  'terminal.manage': { group: 'field', zh: '管理一键通终端', en: 'Manage one-touch terminals' },
  // PIPL art. 44–47 (issue 23 item 14): recording and answering a resident's request about their own data.
  'person.subject_request.manage': {
    group: 'registry',
    zh: '处理个人信息权利请求',
    en: 'Handle personal data requests',
  },
  // 特殊人群 district settings (modules.md §4.3): the corrections limits and the contact rhythm table.
  'special.settings': {
    group: 'special',
    zh: '维护特殊人群区县设置',
    en: 'Maintain special population settings',
  },
  // 三员分立 (issue 23 item 15): a change to a role's permissions takes effect once a security admin approves it.
  'role.change.approve': { group: 'role', zh: '审批角色权限变更', en: 'Approve role permission changes' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(name: string): name is Permission {
  return Object.hasOwn(PERMISSIONS, name);
}
