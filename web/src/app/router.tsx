import { Navigate, Outlet, RouterProvider, createBrowserRouter, useLocation } from 'react-router';
import { LoadingState } from '../components/query-state';
import { OrganizationsPage } from '../features/admin/organizations.page';
import { ApiKeysPage } from '../features/api-keys/api-keys.page';
import { AuditLogPage } from '../features/audit/audit-log.page';
import { ForgotPasswordPage } from '../features/auth/forgot-password.page';
import { LoginPage } from '../features/auth/login.page';
import { RegisterPage } from '../features/auth/register.page';
import { ResetPasswordPage } from '../features/auth/reset-password.page';
import { VerifyEmailPage } from '../features/auth/verify-email.page';
import { DashboardPage } from '../features/dashboard/dashboard.page';
import { LocationDetailPage } from '../features/locations/location-detail.page';
import { LocationsPage } from '../features/locations/locations.page';
import { OrganizationPage } from '../features/organization/organization.page';
import { PartnerInvitationPage } from '../features/invitations/partner-invitation.page';
import { StaffInvitationPage } from '../features/invitations/staff-invitation.page';
import { NetworkPage } from '../features/network/network.page';
import { MailboxPage } from '../features/sandbox/mailbox.page';
import { TeamPage } from '../features/team/team.page';
import { NotFoundPage } from './not-found.page';
import { useSession } from '../session/session-context';
import { AppShellLayout } from './app-shell';

/** Signed-in pages: while the session resumes show a loader; without one go to the login page. */
function RequireSession() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState label="Opening SpareFlow…" />;
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Pages reached from e-mail links work signed in or not; they wait for the session to resume. */
function AfterSessionResumes() {
  const state = useSession();
  if (state.status === 'loading') return <LoadingState />;
  return <Outlet />;
}

const router = createBrowserRouter([
  {
    element: <AfterSessionResumes />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/network/invitations/accept', element: <PartnerInvitationPage /> },
      { path: '/accept-invitation', element: <StaffInvitationPage /> },
    ],
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShellLayout />,
        children: [
          { path: '/', element: <DashboardPage /> },
          { path: '/locations', element: <LocationsPage /> },
          { path: '/locations/:id', element: <LocationDetailPage /> },
          { path: '/api-keys', element: <ApiKeysPage /> },
          { path: '/team', element: <TeamPage /> },
          { path: '/network', element: <NetworkPage /> },
          { path: '/sandbox/mailbox', element: <MailboxPage /> },
          { path: '/admin/organizations', element: <OrganizationsPage /> },
          { path: '/organization', element: <OrganizationPage /> },
          { path: '/audit-log', element: <AuditLogPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
