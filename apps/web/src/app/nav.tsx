import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ClusterOutlined,
  UserOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BorderInnerOutlined,
  BuildOutlined,
  CalendarOutlined,
  ContactsOutlined,
  FileTextOutlined,
  DashboardOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  MessageOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  MobileOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { SPECIAL_CATEGORIES } from '@civicgrid/shared/special-populations';
import { TasksNavIcon } from '../modules/cases/TasksNavIcon';

export interface NavItem {
  path: string;
  label: ParseKeys;
  icon: ReactNode;
  testId: string;
  /** Absent: everyone who is signed in sees it. */
  permission?: string;
  /** The menu section it sits in; absent: the everyday work at the top. */
  group?: NavGroup;
}

/** Menu sections, in menu order after the ungrouped everyday entries. */
export const NAV_GROUPS = [
  'registry',
  'command',
  'public',
  'mediation',
  'special',
  'stability',
  'volunteers',
  'system',
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The side menu; an entry shows only to users holding its permission, the same one its route demands. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: '/',
    label: 'menu.home',
    icon: <HomeOutlined />,
    testId: 'menu-home',
  },
  {
    path: '/dashboard',
    label: 'menu.dashboard',
    icon: <DashboardOutlined />,
    testId: 'menu-dashboard',
    permission: 'dashboard.read',
  },
  {
    path: '/tasks',
    label: 'menu.tasks',
    icon: <TasksNavIcon />,
    testId: 'menu-tasks',
  },
  {
    path: '/cases/new',
    label: 'menu.caseNew',
    icon: <FormOutlined />,
    testId: 'menu-case-new',
    permission: 'case.create',
  },
  {
    path: '/cases',
    label: 'menu.cases',
    icon: <ProfileOutlined />,
    testId: 'menu-cases',
    permission: 'case.read',
  },
  // 网格通 (issue 20): the field PWA, a phone page outside this shell.
  {
    path: '/field',
    label: 'field.menu',
    icon: <MobileOutlined />,
    testId: 'menu-field',
    permission: 'field.visit',
  },
  {
    path: '/field/worklogs-missing',
    label: 'field.day.missing.menu',
    icon: <MobileOutlined />,
    testId: 'menu-field-missing',
    permission: 'worklog.review',
  },
  {
    path: '/field/terminals',
    label: 'field.day.terminals.menu',
    icon: <MobileOutlined />,
    testId: 'menu-field-terminals',
    permission: 'terminal.manage',
  },
  // 信访 (issue 16): the desk for receptionists, the list for every petition role.
  {
    path: '/petitions/desk',
    label: 'petition.menu.desk',
    icon: <SolutionOutlined />,
    testId: 'menu-petition-desk',
    permission: 'petition.register',
  },
  {
    path: '/petitions',
    label: 'petition.menu.list',
    icon: <MessageOutlined />,
    testId: 'menu-petitions',
    permission: 'petition.read',
  },
  {
    path: '/petitions/reception',
    label: 'petitionWork.menu.reception',
    icon: <CalendarOutlined />,
    testId: 'menu-petition-reception',
    permission: 'petition.read',
  },
  {
    path: '/petitions/leader-cases',
    label: 'petitionCases.menu.board',
    icon: <CalendarOutlined />,
    testId: 'menu-petition-leader-cases',
    permission: 'petition.read',
  },
  {
    path: '/petitions/agents',
    label: 'petitionCases.menu.agents',
    icon: <SolutionOutlined />,
    testId: 'menu-petition-agents',
    permission: 'petition.read',
  },
  {
    path: '/petitions/agent/mine',
    label: 'petitionCases.menu.mine',
    icon: <MobileOutlined />,
    testId: 'menu-petition-agent-mine',
    permission: 'petition.register',
  },
  {
    path: '/persons',
    label: 'registry.menu.persons',
    icon: <ContactsOutlined />,
    testId: 'menu-persons',
    permission: 'registry.read',
    group: 'registry',
  },
  {
    path: '/houses',
    label: 'registry.menu.houses',
    icon: <BuildOutlined />,
    testId: 'menu-houses',
    permission: 'registry.read',
    group: 'registry',
  },
  {
    path: '/rentals',
    label: 'places.menu.rentals',
    icon: <KeyOutlined />,
    testId: 'menu-rentals',
    permission: 'registry.read',
    group: 'registry',
  },
  {
    path: '/permits',
    label: 'places.menu.permits',
    icon: <IdcardOutlined />,
    testId: 'menu-permits',
    permission: 'registry.read',
    group: 'registry',
  },
  {
    path: '/organizations',
    label: 'places.menu.organizations',
    icon: <BankOutlined />,
    testId: 'menu-organizations',
    permission: 'registry.read',
    group: 'registry',
  },
  {
    path: '/assessment',
    label: 'assessment.menu',
    icon: <TrophyOutlined />,
    testId: 'menu-assessment',
    permission: 'assessment.read',
    group: 'command',
  },
  {
    path: '/reports',
    label: 'assessment.reportsMenu',
    icon: <FileTextOutlined />,
    testId: 'menu-reports',
    permission: 'report.read',
    group: 'command',
  },
  {
    path: '/open311/keys',
    label: 'open311.menu',
    icon: <ApiOutlined />,
    testId: 'menu-open311-keys',
    permission: 'open311.manage',
    group: 'public',
  },
  {
    path: '/orgs',
    label: 'menu.orgs',
    icon: <ApartmentOutlined />,
    testId: 'menu-orgs',
    permission: 'org.read',
    group: 'system',
  },
  {
    path: '/grids',
    label: 'menu.grids',
    icon: <BorderInnerOutlined />,
    testId: 'menu-grids',
    permission: 'org.read',
    group: 'system',
  },
  {
    path: '/case-settings',
    label: 'caseReturn.settings.title',
    icon: <SettingOutlined />,
    testId: 'menu-case-settings',
    permission: 'case.dispatch',
    group: 'system',
  },
  {
    path: '/calendar',
    label: 'menu.calendar',
    icon: <CalendarOutlined />,
    testId: 'menu-calendar',
    permission: 'calendar.manage',
    group: 'system',
  },
  {
    path: '/users',
    label: 'menu.users',
    icon: <TeamOutlined />,
    testId: 'menu-users',
    permission: 'user.read',
    group: 'system',
  },
  {
    path: '/roles',
    label: 'menu.roles',
    icon: <SafetyCertificateOutlined />,
    testId: 'menu-roles',
    permission: 'role.read',
    group: 'system',
  },
  {
    path: '/role-changes',
    label: 'roleChange.menu',
    icon: <AuditOutlined />,
    testId: 'menu-role-changes',
    permission: 'role.read',
    group: 'system',
  },
  {
    path: '/notices',
    label: 'publicSide.admin.menuNotices',
    icon: <NotificationOutlined />,
    testId: 'menu-notices',
    permission: 'notice.manage',
    group: 'public',
  },
  {
    path: '/policies',
    label: 'publicSide.admin.menuPolicies',
    icon: <BookOutlined />,
    testId: 'menu-policies',
    permission: 'policy.manage',
    group: 'public',
  },
  {
    path: '/subject-requests',
    label: 'subjectRequest.menu',
    icon: <SafetyCertificateOutlined />,
    testId: 'menu-subject-requests',
    permission: 'person.subject_request.manage',
    group: 'registry',
  },
  {
    path: '/audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    testId: 'menu-audit',
    permission: 'audit.read',
    group: 'system',
  },
  // 大调解 (modules.md §4.1).
  ...(
    [
      ['/mediation/mine', 'mine', <SolutionOutlined />, 'mediation.manage'],
      ['/mediation/disputes', 'disputes', <AlertOutlined />, 'mediation.read'],
      ['/mediation/disputes/new', 'register', <FormOutlined />, 'mediation.report'],
      ['/mediation/bodies', 'bodies', <ClusterOutlined />, 'mediation.read'],
      ['/mediation/mediators', 'mediators', <UserOutlined />, 'mediation.read'],
    ] as const
  ).map(([path, key, icon, permission]) => ({
    path,
    label: `mediation.nav.${key}` as ParseKeys,
    icon,
    testId: `menu-mediation-${key}`,
    permission,
    group: 'mediation' as const,
  })),
  // 星级评定, 以案定补 and 调解季报 (issue 17 items 5 and 6).
  ...(
    [
      ['/mediation/ratings', 'ratings', <TrophyOutlined />, 'mediation.read'],
      ['/mediation/subsidies', 'subsidies', <BankOutlined />, 'mediation.read'],
      ['/mediation/quarterly-return', 'quarterlyReturn', <FileTextOutlined />, 'mediation.read'],
    ] as const
  ).map(([path, key, icon, permission]) => ({
    path,
    label: `mediationStars.nav.${key}` as ParseKeys,
    icon,
    testId: `menu-mediation-${key}`,
    permission,
    group: 'mediation' as const,
  })),
  // 群防群治 (modules.md §4.6).
  ...(
    [
      ['/volunteers/mine', 'mine', <SafetyCertificateOutlined />, 'shift.signin'],
      ['/volunteers/roster', 'roster', <CalendarOutlined />, 'volunteer.read'],
      ['/volunteers', 'list', <TeamOutlined />, 'volunteer.read'],
      ['/volunteers/posts', 'posts', <BuildOutlined />, 'volunteer.read'],
      ['/volunteers/teams', 'teams', <ClusterOutlined />, 'volunteer.read'],
    ] as const
  ).map(([path, key, icon, permission]) => ({
    path,
    label: `volunteers.nav.${key}` as ParseKeys,
    icon,
    testId: `menu-volunteers-${key}`,
    permission,
    group: 'volunteers' as const,
  })),
  // 维稳 (modules.md §4.4).
  {
    path: '/stability/risks',
    label: 'stability.nav.risks',
    icon: <AlertOutlined />,
    testId: 'menu-stability-risks',
    permission: 'risk.read',
    group: 'stability',
  },
  {
    path: '/stability/warnings',
    label: 'stability.nav.warnings',
    icon: <NotificationOutlined />,
    testId: 'menu-stability-warnings',
    permission: 'risk.read',
    group: 'stability',
  },
  // 会议交办 (core/meetings): 三调联席会 under 大调解, 联席会议 under 维稳.
  {
    path: '/mediation/meetings',
    label: 'meetings.nav.mediation',
    icon: <CalendarOutlined />,
    testId: 'menu-mediation-meetings',
    permission: 'mediation.read',
    group: 'mediation',
  },
  {
    path: '/stability/meetings',
    label: 'meetings.nav.stability',
    icon: <CalendarOutlined />,
    testId: 'menu-stability-meetings',
    permission: 'risk.read',
    group: 'stability',
  },
  // 定期报送 (the returns kit): the campaigns and boards, and each unit's own returns to file.
  ...(
    [
      ['/mediation/screening', 'screening', <ProfileOutlined />, 'mediation.read', 'mediation'],
      ['/mediation/screening/mine', 'screeningMine', <MobileOutlined />, 'mediation.report', 'mediation'],
      ['/stability/reporting', 'stability', <ProfileOutlined />, 'risk.read', 'stability'],
      ['/stability/reporting/mine', 'stabilityMine', <MobileOutlined />, 'risk.report', 'stability'],
    ] as const
  ).map(([path, key, icon, permission, group]) => ({
    path,
    label: `returns.nav.${key}` as ParseKeys,
    icon,
    testId: `menu-returns-${key}`,
    permission,
    group,
  })),
  // 特殊人群 (modules.md §4.3): a list per class, each under its class permission.
  ...SPECIAL_CATEGORIES.map((c) => ({
    path: `/special/${c}`,
    label: `special.category.${c}` as ParseKeys,
    icon: <TeamOutlined />,
    testId: `menu-special-${c}`,
    permission: `class.${c}.read`,
    group: 'special' as const,
  })),
  {
    path: '/special/mine',
    label: 'special.nav.mine',
    icon: <TeamOutlined />,
    testId: 'menu-special-mine',
    permission: 'special.read',
    group: 'special',
  },
  {
    path: '/special/settings',
    label: 'special.settings.title',
    icon: <TeamOutlined />,
    testId: 'menu-special-settings',
    permission: 'special.settings',
    group: 'special',
  },
];

/** The menu key of a location: an entry's own path (/cases/new), else its first path segment (/cases/:id). */
export function navKeyOf(pathname: string): string {
  const exact = NAV_ITEMS.find((item) => item.path !== '/' && item.path === pathname.replace(/\/+$/, ''));
  if (exact) return exact.path;
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}
