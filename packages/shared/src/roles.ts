import { ALL_PERMISSIONS, type Permission } from './permissions.ts';

export interface BuiltinRole {
  code: string;
  zh: string;
  en: string;
  permissions: readonly Permission[];
}

const AUDIT_ONLY: readonly Permission[] = ['audit.read', 'audit.export'];
/**
 * Sensitive data classes are granted one by one, by a decision someone signs for: the system admin does not
 * get them with "everything"; only the petition roles hold the petition class (decision 0009).
 */
export const isClassPermission = (p: Permission) => p.startsWith('class.');
/** Held by the security administrator alone, so the system administrator cannot take over an account. */
const SECURITY_ONLY: readonly Permission[] = [
  'user.second_factor.reset',
  'security.settings.manage',
  'user.role.grant',
  'user.admin_password.reset',
  'role.change.approve',
];
/** The 三员 roles: one account holds at most one of them, and only the security administrator grants them. */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;

/**
 * 三员分立: the system admin holds everything except the audit log, the grants and the sensitive data classes; the
 * security admin grants and revokes roles and resets administrators' passwords; the audit admin reads the audit
 * log and nothing else that writes.
 */
export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  {
    code: 'system_admin',
    zh: '系统管理员',
    en: 'System administrator',
    permissions: ALL_PERMISSIONS.filter(
      (p) => !AUDIT_ONLY.includes(p) && !SECURITY_ONLY.includes(p) && !isClassPermission(p),
    ),
  },
  {
    code: 'security_admin',
    zh: '安全保密管理员',
    en: 'Security administrator',
    permissions: [
      'org.read',
      'user.read',
      'user.manage',
      'user.second_factor.reset',
      'user.role.grant',
      'user.admin_password.reset',
      'security.settings.manage',
      'role.read',
      'role.manage',
      'role.change.approve',
    ],
  },
  {
    code: 'audit_admin',
    zh: '安全审计员',
    en: 'Audit administrator',
    permissions: ['org.read', 'user.read', 'role.read', 'audit.read', 'audit.export'],
  },
  {
    code: 'centre_operator',
    zh: '指挥中心坐席员',
    en: 'Centre operator',
    permissions: [
      'org.read',
      'case.read',
      'case.create',
      'case.dispatch',
      'case.verify',
      'registry.read',
      'dashboard.read',
      'report.read',
      'notice.manage',
      'policy.manage',
    ],
  },
  {
    code: 'centre_leader',
    zh: '指挥中心领导',
    en: 'Centre leader',
    permissions: [
      'org.read',
      'user.read',
      'case.read',
      'case.supervise',
      'registry.read',
      'mediation.read',
      'dashboard.read',
      'report.read',
      'assessment.read',
      'assessment.score',
      'assessment.manage',
    ],
  },
  {
    code: 'department_handler',
    zh: '职能部门处置人员',
    en: 'Department handler',
    permissions: ['org.read', 'case.read', 'case.handle', 'dashboard.read'],
  },
  {
    code: 'street_staff',
    zh: '街镇工作人员',
    en: 'Street staff',
    permissions: [
      'org.read',
      'grid.manage',
      'user.read',
      'case.read',
      'case.create',
      'case.dispatch',
      'case.verify',
      'registry.read',
      'registry.manage',
      'mediation.read',
      'dashboard.read',
      'report.read',
      'assessment.read',
      'notice.manage',
      'risk.read',
      'risk.report',
      'warning.ack',
      // 排查: streets and communities register the disputes their screening finds and file the return.
      'mediation.report',
    ],
  },
  {
    code: 'community_staff',
    zh: '社区工作人员',
    en: 'Community staff',
    permissions: [
      'org.read',
      'grid.manage',
      'user.read',
      'case.read',
      'case.create',
      'case.dispatch',
      'case.handle',
      'case.verify',
      'registry.read',
      'registry.manage',
      'mediation.read',
      'dashboard.read',
      'report.read',
      'notice.manage',
      'field.visit',
      'field.patrol',
      'worklog.review',
      'terminal.manage',
      'risk.read',
      'risk.report',
      'warning.ack',
      // 排查: streets and communities register the disputes their screening finds and file the return.
      'mediation.report',
    ],
  },
  {
    code: 'grid_worker',
    zh: '网格员',
    en: 'Grid worker',
    permissions: [
      'org.read',
      'case.read',
      'case.create',
      'case.verify',
      'registry.read',
      'registry.manage',
      // 排查: the grid worker registers the disputes found on the round and follows them.
      'mediation.read',
      'mediation.report',
      'field.visit',
      'field.patrol',
    ],
  },
  {
    code: 'mediator',
    zh: '调解员',
    en: 'Mediator',
    permissions: [
      'org.read',
      'mediation.read',
      'mediation.manage',
      'mediation.report',
      'case.read',
      'registry.read',
    ],
  },
  // 大调解 (modules.md §4.1): a body's director approves second extensions and reopening; 司法所 runs the bodies.
  {
    code: 'mediation_director',
    zh: '调委会主任',
    en: 'Mediation committee director',
    permissions: [
      'org.read',
      'mediation.read',
      'mediation.manage',
      'mediation.report',
      'mediation.approve',
      'case.read',
      'registry.read',
    ],
  },
  {
    code: 'justice_office',
    zh: '司法所',
    en: 'Justice office',
    permissions: [
      'org.read',
      'mediation.read',
      'mediation.manage',
      'mediation.report',
      'mediation.approve',
      'mediation.admin',
      'registry.read',
      'dashboard.read',
    ],
  },
  // Petition roles (信访, docs/decisions/0009-petition-roles.md): the only built-in roles with a class permission,
  // because reading petitioners in clear is the daily work of these posts and of no other.
  {
    code: 'petition_receptionist',
    zh: '信访接待员',
    en: 'Petition receptionist',
    permissions: ['org.read', 'petition.read', 'petition.register', 'registry.read', 'class.petition.read'],
  },
  {
    code: 'petition_handler',
    zh: '信访办理员',
    en: 'Petition handler',
    permissions: ['org.read', 'petition.read', 'petition.handle', 'class.petition.read'],
  },
  {
    code: 'petition_supervisor',
    zh: '信访督查',
    en: 'Petition supervisor',
    permissions: [
      'org.read',
      'petition.read',
      'petition.approve',
      'petition.review',
      'petition.leader',
      'petition.admin',
      'registry.read',
      'dashboard.read',
      'class.petition.read',
      'class.petition.export',
    ],
  },
  // 群防群治 (docs/decisions/0023-volunteer-roles.md): the street's or community's volunteer manager; volunteers
  // themselves hold shift.signin only (the team leader among them sees understaffed shifts in 我的待办).
  {
    code: 'volunteer_manager',
    zh: '群防群治管理员',
    en: 'Volunteer manager',
    permissions: [
      'org.read',
      'user.read',
      'registry.read',
      'registry.manage',
      'volunteer.read',
      'volunteer.manage',
      'post.manage',
      'dashboard.read',
    ],
  },
  { code: 'volunteer', zh: '志愿者', en: 'Volunteer', permissions: ['shift.signin'] },
  // 维稳专干 (modules.md §4.4): registers, assigns and controls risk factors, issues and acknowledges warnings.
  {
    code: 'stability_officer',
    zh: '维稳专干',
    en: 'Stability officer',
    permissions: [
      'org.read',
      'risk.read',
      'risk.report',
      'risk.manage',
      'warning.issue',
      'warning.ack',
      'case.read',
      'mediation.read',
      'registry.read',
      'dashboard.read',
    ],
  },
  // 接访/包案 leaders and 信访代理员 (docs/decisions/0011-petition-work.md).
  {
    code: 'petition_leader',
    zh: '信访包案领导',
    en: 'Petition leader',
    permissions: ['org.read', 'petition.read', 'petition.leader', 'class.petition.read'],
  },
  {
    code: 'petition_agent',
    zh: '信访代理员',
    en: 'Petition agent',
    permissions: ['org.read', 'petition.read', 'petition.register', 'registry.read', 'class.petition.read'],
  },
  // 特殊人群 (modules.md §4.3, docs/decisions/0014-special-population-roles.md): 司法所矫正专干 keeps the
  // corrections and released files of the street; the classes are the daily work of this post.
  {
    code: 'corrections_officer',
    zh: '司法所矫正专干',
    en: 'Corrections officer',
    permissions: [
      'org.read',
      'registry.read',
      'registry.manage',
      'special.read',
      'special.manage',
      'class.corrections.read',
      'class.corrections.export',
      'class.released.read',
      'class.released.export',
    ],
  },
  {
    code: 'viewer',
    zh: '只读用户',
    en: 'Viewer',
    permissions: ['org.read', 'case.read', 'registry.read', 'dashboard.read'],
  },
];
