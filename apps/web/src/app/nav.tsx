import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BorderInnerOutlined,
  FormOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { TasksNavIcon } from '../modules/cases/TasksNavIcon';

export interface NavItem {
  path: string;
  label: ParseKeys;
  icon: ReactNode;
  testId: string;
  /** Absent: everyone who is signed in sees it. */
  permission?: string;
}

/** The side menu; an entry shows only to users holding its permission, the same one its route demands. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'menu.home', icon: <HomeOutlined />, testId: 'menu-home' },
  {
    path: '/tasks',
    label: 'menu.tasks',
    icon: <TasksNavIcon />,
    testId: 'menu-tasks',
    permission: 'case.read',
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
  {
    path: '/orgs',
    label: 'menu.orgs',
    icon: <ApartmentOutlined />,
    testId: 'menu-orgs',
    permission: 'org.read',
  },
  {
    path: '/grids',
    label: 'menu.grids',
    icon: <BorderInnerOutlined />,
    testId: 'menu-grids',
    permission: 'org.read',
  },
  {
    path: '/users',
    label: 'menu.users',
    icon: <TeamOutlined />,
    testId: 'menu-users',
    permission: 'user.read',
  },
  {
    path: '/roles',
    label: 'menu.roles',
    icon: <SafetyCertificateOutlined />,
    testId: 'menu-roles',
    permission: 'role.read',
  },
  {
    path: '/audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    testId: 'menu-audit',
    permission: 'audit.read',
  },
];

/** The menu key of a location: an entry's own path (/cases/new), else its first path segment (/cases/:id). */
export function navKeyOf(pathname: string): string {
  const exact = NAV_ITEMS.find((item) => item.path !== '/' && item.path === pathname.replace(/\/+$/, ''));
  if (exact) return exact.path;
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}
