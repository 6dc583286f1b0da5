import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';

// Only lazy references live here: the staff bundle carries none of the portal, and the portal none of the shell.
const PortalLayout = lazy(() => import('./PortalLayout'));
const PortalHome = lazy(() => import('./PortalHome'));
const ReportPage = lazy(() => import('./ReportPage'));
const FollowPage = lazy(() => import('./FollowPage'));
const RecentPage = lazy(() => import('./RecentPage'));
const NoticesPage = lazy(() => import('./NoticesPage'));
const PoliciesPage = lazy(() => import('./PoliciesPage'));
const PolicyPage = lazy(() => import('./PolicyPage'));
const ReceptionBookingPage = lazy(() => import('../petitions/PortalBookingPage'));

export const portalRoute: RouteObject = {
  path: '/public',
  element: (
    <Suspense fallback={null}>
      <PortalLayout />
    </Suspense>
  ),
  children: [
    { index: true, element: <PortalHome /> },
    { path: 'report', element: <ReportPage /> },
    { path: 'track', element: <FollowPage /> },
    { path: 'track/:code', element: <FollowPage /> },
    { path: 'reports', element: <RecentPage /> },
    { path: 'notices', element: <NoticesPage /> },
    { path: 'policies', element: <PoliciesPage /> },
    { path: 'policies/:id', element: <PolicyPage /> },
    { path: 'reception', element: <ReceptionBookingPage /> },
  ],
};
