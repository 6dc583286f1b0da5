import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BorderInnerOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';

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

/** The menu key of a location: its first path segment. */
export function navKeyOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}
