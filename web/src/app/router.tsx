import { Navigate, Outlet, RouterProvider, createBrowserRouter, useLocation } from 'react-router';
import { LoadingState } from '../components/query-state';
import { ForgotPasswordPage } from '../features/auth/forgot-password.page';
import { LoginPage } from '../features/auth/login.page';
import { RegisterPage } from '../features/auth/register.page';
import { ResetPasswordPage } from '../features/auth/reset-password.page';
import { VerifyEmailPage } from '../features/auth/verify-email.page';
import { PartnerInvitationPage } from '../features/invitations/partner-invitation.page';
import { StaffInvitationPage } from '../features/invitations/staff-invitation.page';
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

/**
 * Signed-in pages load on first visit (`lazy`): the sign-in page does not wait for tables and
 * charts, and each area's code arrives with its first navigation.
 */
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
          {
            path: '/',
            lazy: () =>
              import('../features/dashboard/dashboard.page').then((page) => ({
                Component: page.DashboardPage,
              })),
          },
          {
            path: '/locations',
            lazy: () =>
              import('../features/locations/locations.page').then((page) => ({
                Component: page.LocationsPage,
              })),
          },
          {
            path: '/locations/:id',
            lazy: () =>
              import('../features/locations/location-detail.page').then((page) => ({
                Component: page.LocationDetailPage,
              })),
          },
          {
            path: '/api-keys',
            lazy: () =>
              import('../features/api-keys/api-keys.page').then((page) => ({
                Component: page.ApiKeysPage,
              })),
          },
          {
            path: '/team',
            lazy: () =>
              import('../features/team/team.page').then((page) => ({ Component: page.TeamPage })),
          },
          {
            path: '/network',
            lazy: () =>
              import('../features/network/network.page').then((page) => ({
                Component: page.NetworkPage,
              })),
          },
          {
            path: '/sandbox/mailbox',
            lazy: () =>
              import('../features/sandbox/mailbox.page').then((page) => ({
                Component: page.MailboxPage,
              })),
          },
          {
            path: '/admin/organizations',
            lazy: () =>
              import('../features/admin/organizations.page').then((page) => ({
                Component: page.OrganizationsPage,
              })),
          },
          {
            path: '/rates',
            lazy: () =>
              import('../features/pricing/quote.page').then((page) => ({
                Component: page.QuotePage,
              })),
          },
          {
            path: '/admin/rate-cards',
            lazy: () =>
              import('../features/pricing/rate-cards.page').then((page) => ({
                Component: page.RateCardsPage,
              })),
          },
          {
            path: '/admin/payments/reconciliation',
            lazy: () =>
              import('../features/payments/reconciliation.page').then((page) => ({
                Component: page.ReconciliationPage,
              })),
          },
          {
            path: '/organization',
            lazy: () =>
              import('../features/organization/organization.page').then((page) => ({
                Component: page.OrganizationPage,
              })),
          },
          {
            path: '/audit-log',
            lazy: () =>
              import('../features/audit/audit-log.page').then((page) => ({
                Component: page.AuditLogPage,
              })),
          },
          {
            path: '/catalog',
            lazy: () =>
              import('../features/catalog/catalog.page').then((page) => ({
                Component: page.CatalogPage,
              })),
          },
          {
            path: '/catalog/parts/:id',
            lazy: () =>
              import('../features/catalog/part-detail.page').then((page) => ({
                Component: page.PartDetailPage,
              })),
          },
          {
            path: '/stock',
            lazy: () =>
              import('../features/inventory/stock.page').then((page) => ({
                Component: page.StockPage,
              })),
          },
          {
            path: '/imports',
            lazy: () =>
              import('../features/imports/imports.page').then((page) => ({
                Component: page.ImportsPage,
              })),
          },
          {
            path: '/invoices',
            lazy: () =>
              import('../features/invoices/invoices.page').then((page) => ({
                Component: page.InvoicesPage,
              })),
          },
          {
            path: '/wallet',
            lazy: () =>
              import('../features/wallet/wallet.page').then((page) => ({
                Component: page.WalletPage,
              })),
          },
          {
            path: '/admin/ledger',
            lazy: () =>
              import('../features/admin/ledger.page').then((page) => ({
                Component: page.LedgerPage,
              })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
