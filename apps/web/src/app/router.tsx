import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequirePermission } from './auth';
import { Shell } from './Shell';
import { PageLoading } from '../components/PageLoading';

// Each page is its own chunk: a grid worker never downloads the audit screens.
const LoginPage = lazy(() => import('../modules/auth/LoginPage'));
const HomePage = lazy(() => import('../modules/home/HomePage'));
const OrgsPage = lazy(() => import('../modules/orgs/OrgsPage'));
// The map page carries Leaflet: only those who open it download it.
const GridsPage = lazy(() => import('../modules/grids/GridsPage'));
const UsersPage = lazy(() => import('../modules/users/UsersPage'));
const RolesPage = lazy(() => import('../modules/roles/RolesPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
// The intake form and the case page carry the map (Leaflet); the list and the inbox do not.
const CaseIntakePage = lazy(() => import('../modules/cases/CaseIntakePage'));
const CaseListPage = lazy(() => import('../modules/cases/CaseListPage'));
const CasePage = lazy(() => import('../modules/cases/CasePage'));
const TasksPage = lazy(() => import('../modules/cases/TasksPage'));
const ProfilePage = lazy(() => import('../modules/profile/ProfilePage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;
const guarded = (permission: string, node: ReactNode) =>
  page(<RequirePermission permission={permission}>{node}</RequirePermission>);

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'orgs', element: guarded('org.read', <OrgsPage />) },
      { path: 'grids', element: guarded('org.read', <GridsPage />) },
      { path: 'users', element: guarded('user.read', <UsersPage />) },
      { path: 'roles', element: guarded('role.read', <RolesPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditPage />) },
      { path: 'cases/new', element: guarded('case.create', <CaseIntakePage />) },
      { path: 'cases', element: guarded('case.read', <CaseListPage />) },
      { path: 'cases/:id', element: guarded('case.read', <CasePage />) },
      { path: 'tasks', element: guarded('case.read', <TasksPage />) },
      { path: 'profile', element: page(<ProfilePage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
