import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth, RequirePermission } from './auth';
import { Shell } from './Shell';
import { PageLoading } from '../components/PageLoading';
import { portalRoute } from '../modules/portal/portal-routes';
import type * as ReturnPages from '../modules/returns/pages';

// Each page is its own chunk: a grid worker never downloads the audit screens.
const LoginPage = lazy(() => import('../modules/auth/LoginPage'));
const HomePage = lazy(() => import('../modules/home/HomePage'));
const OrgsPage = lazy(() => import('../modules/orgs/OrgsPage'));
// The map page carries Leaflet: only those who open it download it.
const GridsPage = lazy(() => import('../modules/grids/GridsPage'));
const UsersPage = lazy(() => import('../modules/users/UsersPage'));
const RolesPage = lazy(() => import('../modules/roles/RolesPage'));
const RoleChangesPage = lazy(() => import('../modules/roles/RoleChangesPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
// The intake form and the case page carry the map (Leaflet); the list and the inbox do not.
const CaseIntakePage = lazy(() => import('../modules/cases/CaseIntakePage'));
const CaseListPage = lazy(() => import('../modules/cases/CaseListPage'));
const CasePage = lazy(() => import('../modules/cases/CasePage'));
const DisputeListPage = lazy(() => import('../modules/mediation/DisputeListPage'));
const DisputeRegisterPage = lazy(() => import('../modules/mediation/DisputeRegisterPage'));
const DisputePage = lazy(() => import('../modules/mediation/DisputePage'));
const MyMediationPage = lazy(() => import('../modules/mediation/MyMediationPage'));
const BodiesPage = lazy(() => import('../modules/mediation/BodiesPage'));
const MediatorsPage = lazy(() => import('../modules/mediation/MediatorsPage'));
const StarRatingsPage = lazy(() => import('../modules/mediation/StarRatingsPage'));
const SubsidiesPage = lazy(() => import('../modules/mediation/SubsidiesPage'));
const QuarterlyReturnPage = lazy(() => import('../modules/mediation/QuarterlyReturnPage'));
const VolunteerListPage = lazy(() => import('../modules/volunteers/VolunteerListPage'));
const VolunteerPage = lazy(() => import('../modules/volunteers/VolunteerPage'));
const VolunteerTeamsPage = lazy(() => import('../modules/volunteers/TeamsPage'));
const VolunteerPostsPage = lazy(() => import('../modules/volunteers/PostsPage'));
const RosterPage = lazy(() => import('../modules/volunteers/RosterPage'));
const MyShiftsPage = lazy(() => import('../modules/volunteers/MyShiftsPage'));
const RiskListPage = lazy(() => import('../modules/stability/RiskListPage'));
const RiskPage = lazy(() => import('../modules/stability/RiskPage'));
const WarningListPage = lazy(() => import('../modules/stability/WarningListPage'));
const meetingPage = (name: 'MediationMeetingList' | 'StabilityMeetingList') =>
  lazy(() => import('../modules/meetings/MeetingListPage').then((m) => ({ default: m[name] })));
const MediationMeetingList = meetingPage('MediationMeetingList');
const StabilityMeetingList = meetingPage('StabilityMeetingList');
const MediationMeetingPage = lazy(() =>
  import('../modules/meetings/MeetingPage').then((m) => ({ default: m.MediationMeetingPage })),
);
const StabilityMeetingPage = lazy(() =>
  import('../modules/meetings/MeetingPage').then((m) => ({ default: m.StabilityMeetingPage })),
);
// 定期报送 (the returns kit): the same four screens for 矛盾纠纷排查 and 维稳信息报送.
const returnsPage = (name: keyof typeof ReturnPages) =>
  lazy(() => import('../modules/returns/pages').then((m) => ({ default: m[name] })));
const ScreeningCampaigns = returnsPage('ScreeningCampaigns');
const ScreeningBoard = returnsPage('ScreeningBoard');
const ScreeningMine = returnsPage('ScreeningMine');
const ScreeningReturn = returnsPage('ScreeningReturn');
const StabilityCampaigns = returnsPage('StabilityCampaigns');
const StabilityBoard = returnsPage('StabilityBoard');
const StabilityMine = returnsPage('StabilityMine');
const StabilityReturn = returnsPage('StabilityReturn');
const SpecialFileListPage = lazy(() => import('../modules/special-populations/SpecialFileListPage'));
const SpecialFilePage = lazy(() => import('../modules/special-populations/SpecialFilePage'));
const SpecialFileNewPage = lazy(() => import('../modules/special-populations/SpecialFileNewPage'));
const MyCaseloadPage = lazy(() => import('../modules/special-populations/MyCaseloadPage'));
const SpecialSettingsPage = lazy(() => import('../modules/special-populations/SpecialSettingsPage'));
const TasksPage = lazy(() => import('../modules/cases/TasksPage'));
const CaseSettingsPage = lazy(() => import('../modules/cases/CaseSettingsPage'));
const CalendarPage = lazy(() => import('../modules/calendar/CalendarPage'));
const Open311KeysPage = lazy(() => import('../modules/open311/KeysPage'));
const PersonListPage = lazy(() => import('../modules/registry/PersonListPage'));
const PersonPage = lazy(() => import('../modules/registry/PersonPage'));
const SubjectRequestsPage = lazy(() => import('../modules/subject-requests/SubjectRequestsPage'));
const HouseListPage = lazy(() => import('../modules/registry/HouseListPage'));
const HousePage = lazy(() => import('../modules/registry/HousePage'));
const ImportPage = lazy(() => import('../modules/registry/ImportPage'));
const GridHouseholdsPage = lazy(() => import('../modules/registry/GridHouseholdsPage'));
const NoticesAdminPage = lazy(() => import('../modules/public-admin/NoticesAdminPage'));
const PoliciesAdminPage = lazy(() => import('../modules/public-admin/PoliciesAdminPage'));
const ProfilePage = lazy(() => import('../modules/profile/ProfilePage'));
const RentalListPage = lazy(() => import('../modules/places/RentalListPage'));
const RentalPage = lazy(() => import('../modules/places/RentalPage'));
const PermitListPage = lazy(() => import('../modules/places/PermitListPage'));
const PermitPage = lazy(() => import('../modules/places/PermitPage'));
const OrganizationListPage = lazy(() => import('../modules/places/OrganizationListPage'));
const OrganizationPage = lazy(() => import('../modules/places/OrganizationPage'));
const SchemeListPage = lazy(() => import('../modules/assessment/SchemeListPage'));
const SchemePage = lazy(() => import('../modules/assessment/SchemePage'));
const ReportsPage = lazy(() => import('../modules/assessment/ReportsPage'));
// Dashboards: the big screen lives outside the shell (full screen, dark), behind sign-in all the same.
const DashboardPage = lazy(() => import('../modules/dashboard/DashboardPage'));
const BigScreenPage = lazy(() => import('../modules/dashboard/BigScreenPage'));
// 信访 (issue 16).
const PetitionListPage = lazy(() => import('../modules/petitions/PetitionListPage'));
const PetitionPage = lazy(() => import('../modules/petitions/PetitionPage'));
const ReceptionDeskPage = lazy(() => import('../modules/petitions/ReceptionDeskPage'));
// 网格通 (issue 20): the field PWA's phone page, outside the desktop shell.
const FieldPage = lazy(() => import('../modules/field/FieldPage'));
const MissingLogsPage = lazy(() => import('../modules/field/MissingLogsPage'));
const TerminalsPage = lazy(() => import('../modules/field/TerminalsPage'));
const ReceptionDaysPage = lazy(() => import('../modules/petitions/ReceptionDaysPage'));
const LeaderCaseBoardPage = lazy(() => import('../modules/petitions/LeaderCaseBoardPage'));
const LeaderCasePage = lazy(() => import('../modules/petitions/LeaderCasePage'));
const AgentNetworkPage = lazy(() => import('../modules/petitions/AgentNetworkPage'));
const MyAgentMattersPage = lazy(() => import('../modules/petitions/MyAgentMattersPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;
const guarded = (permission: string, node: ReactNode) =>
  page(<RequirePermission permission={permission}>{node}</RequirePermission>);

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />) },
  // The residents' portal: no sign-in, outside the staff shell, every page its own chunk.
  portalRoute,
  { path: '/field', element: <RequireAuth>{guarded('field.visit', <FieldPage />)}</RequireAuth> },
  {
    path: '/screen',
    element: <RequireAuth>{guarded('dashboard.read', <BigScreenPage />)}</RequireAuth>,
  },
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
      { path: 'role-changes', element: guarded('role.read', <RoleChangesPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditPage />) },
      {
        path: 'subject-requests',
        element: guarded('person.subject_request.manage', <SubjectRequestsPage />),
      },
      { path: 'cases/new', element: guarded('case.create', <CaseIntakePage />) },
      { path: 'cases', element: guarded('case.read', <CaseListPage />) },
      { path: 'cases/:id', element: guarded('case.read', <CasePage />) },
      { path: 'case-settings', element: guarded('case.dispatch', <CaseSettingsPage />) },
      // Every role's work, whatever module it comes from: no permission beyond being signed in.
      { path: 'tasks', element: page(<TasksPage />) },
      { path: 'calendar', element: guarded('calendar.manage', <CalendarPage />) },
      { path: 'field/worklogs-missing', element: guarded('worklog.review', <MissingLogsPage />) },
      { path: 'field/terminals', element: guarded('terminal.manage', <TerminalsPage />) },
      { path: 'rentals', element: guarded('registry.read', <RentalListPage />) },
      { path: 'rentals/:id', element: guarded('registry.read', <RentalPage />) },
      { path: 'permits', element: guarded('registry.read', <PermitListPage />) },
      { path: 'permits/:id', element: guarded('registry.read', <PermitPage />) },
      { path: 'organizations', element: guarded('registry.read', <OrganizationListPage />) },
      { path: 'organizations/:id', element: guarded('registry.read', <OrganizationPage />) },
      { path: 'open311/keys', element: guarded('open311.manage', <Open311KeysPage />) },
      { path: 'assessment', element: guarded('assessment.read', <SchemeListPage />) },
      { path: 'assessment/:id', element: guarded('assessment.read', <SchemePage />) },
      { path: 'reports', element: guarded('report.read', <ReportsPage />) },
      { path: 'persons', element: guarded('registry.read', <PersonListPage />) },
      { path: 'persons/import', element: guarded('registry.manage', <ImportPage />) },
      { path: 'persons/:id', element: guarded('registry.read', <PersonPage />) },
      { path: 'houses', element: guarded('registry.read', <HouseListPage />) },
      { path: 'houses/:id', element: guarded('registry.read', <HousePage />) },
      { path: 'grids/:id/households', element: guarded('registry.read', <GridHouseholdsPage />) },
      { path: 'dashboard', element: guarded('dashboard.read', <DashboardPage />) },
      { path: 'notices', element: guarded('notice.manage', <NoticesAdminPage />) },
      { path: 'policies', element: guarded('policy.manage', <PoliciesAdminPage />) },
      { path: 'petitions', element: guarded('petition.read', <PetitionListPage />) },
      { path: 'petitions/desk', element: guarded('petition.register', <ReceptionDeskPage />) },
      { path: 'petitions/reception', element: guarded('petition.read', <ReceptionDaysPage />) },
      { path: 'petitions/leader-cases', element: guarded('petition.read', <LeaderCaseBoardPage />) },
      { path: 'petitions/leader-cases/:id', element: guarded('petition.read', <LeaderCasePage />) },
      { path: 'petitions/agents', element: guarded('petition.read', <AgentNetworkPage />) },
      { path: 'petitions/agent/mine', element: guarded('petition.register', <MyAgentMattersPage />) },
      { path: 'petitions/:id', element: guarded('petition.read', <PetitionPage />) },
      { path: 'mediation/disputes', element: guarded('mediation.read', <DisputeListPage />) },
      { path: 'mediation/disputes/new', element: guarded('mediation.report', <DisputeRegisterPage />) },
      { path: 'mediation/disputes/:id', element: guarded('mediation.read', <DisputePage />) },
      { path: 'mediation/mine', element: guarded('mediation.manage', <MyMediationPage />) },
      { path: 'special/new', element: guarded('special.manage', <SpecialFileNewPage />) },
      { path: 'special/mine', element: guarded('special.read', <MyCaseloadPage />) },
      { path: 'special/settings', element: guarded('special.settings', <SpecialSettingsPage />) },
      { path: 'special/files/:id', element: guarded('special.read', <SpecialFilePage />) },
      { path: 'special/:category', element: guarded('special.read', <SpecialFileListPage />) },
      { path: 'mediation/bodies', element: guarded('mediation.read', <BodiesPage />) },
      { path: 'volunteers', element: guarded('volunteer.read', <VolunteerListPage />) },
      { path: 'volunteers/teams', element: guarded('volunteer.read', <VolunteerTeamsPage />) },
      { path: 'volunteers/posts', element: guarded('volunteer.read', <VolunteerPostsPage />) },
      { path: 'volunteers/roster', element: guarded('volunteer.read', <RosterPage />) },
      { path: 'volunteers/mine', element: guarded('shift.signin', <MyShiftsPage />) },
      { path: 'volunteers/:id', element: guarded('volunteer.read', <VolunteerPage />) },
      { path: 'mediation/mediators', element: guarded('mediation.read', <MediatorsPage />) },
      { path: 'mediation/ratings', element: guarded('mediation.read', <StarRatingsPage />) },
      { path: 'mediation/subsidies', element: guarded('mediation.read', <SubsidiesPage />) },
      { path: 'mediation/quarterly-return', element: guarded('mediation.read', <QuarterlyReturnPage />) },
      { path: 'stability/risks', element: guarded('risk.read', <RiskListPage />) },
      { path: 'stability/risks/:id', element: guarded('risk.read', <RiskPage />) },
      { path: 'stability/warnings', element: guarded('risk.read', <WarningListPage />) },
      { path: 'mediation/meetings', element: guarded('mediation.read', <MediationMeetingList />) },
      { path: 'mediation/meetings/:id', element: guarded('mediation.read', <MediationMeetingPage />) },
      { path: 'stability/meetings', element: guarded('risk.read', <StabilityMeetingList />) },
      { path: 'stability/meetings/:id', element: guarded('risk.read', <StabilityMeetingPage />) },
      { path: 'mediation/screening', element: guarded('mediation.read', <ScreeningCampaigns />) },
      { path: 'mediation/screening/mine', element: guarded('mediation.report', <ScreeningMine />) },
      { path: 'mediation/screening/returns/:id', element: guarded('mediation.read', <ScreeningReturn />) },
      { path: 'mediation/screening/:id', element: guarded('mediation.read', <ScreeningBoard />) },
      { path: 'stability/reporting', element: guarded('risk.read', <StabilityCampaigns />) },
      { path: 'stability/reporting/mine', element: guarded('risk.report', <StabilityMine />) },
      { path: 'stability/reporting/returns/:id', element: guarded('risk.read', <StabilityReturn />) },
      { path: 'stability/reporting/:id', element: guarded('risk.read', <StabilityBoard />) },
      { path: 'profile', element: page(<ProfilePage />) },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);
