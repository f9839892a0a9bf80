import { notifications } from '@mantine/notifications';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { session } from '../../session/session-context';
import { fakeServer, capabilitiesFor } from '../../../test/fake-server';
import { StaffInvitationPage } from './staff-invitation.page';

const organizationId = '0b9f4a6e-0000-4000-8000-000000000007';

function previewOf(existingUser: boolean) {
  return {
    organizationName: 'Voltas Cool',
    organizationType: 'brand',
    role: 'admin',
    email: 'meera@voltas.in',
    expiresAt: '2026-12-03T05:30:00.000Z',
    existingUser,
  };
}

function serve(existingUser: boolean) {
  return fakeServer((request) => {
    if (request.path.startsWith('/api/v1/team/invitations/preview'))
      return jsonResponse(200, previewOf(existingUser));
    if (request.path === '/api/v1/team/invitations/accept')
      return jsonResponse(200, { organizationId, role: 'admin' });
    if (request.path === '/api/v1/auth/login')
      return jsonResponse(200, { accessToken: 'token', refreshToken: 'refresh' });
    if (request.path === '/api/v1/me')
      return jsonResponse(200, {
        user: { id: 'u', email: 'meera@voltas.in', name: 'Meera', phone: null },
        organization: { id: organizationId, type: 'brand', name: 'Voltas Cool' },
        role: 'admin',
        memberships: [],
        capabilities: capabilitiesFor('brand', 'admin'),
      });
    return undefined;
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/accept-invitation" element={<StaffInvitationPage />} />
      <Route path="/" element={<p>Dashboard</p>} />
    </Routes>,
    { path: '/accept-invitation?token=sft_1' },
  );
}

beforeEach(async () => {
  fakeServer(() => jsonResponse(204, null));
  await session.logout();
});

afterEach(() => {
  notifications.clean();
  vi.unstubAllGlobals();
});

describe('StaffInvitationPage', () => {
  it('creates the account, accepts, then signs in to the inviting organization', async () => {
    const { calls } = serve(false);
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByText('Voltas Cool invites you as an admin')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/your name/i), 'Meera Iyer');
    await user.type(screen.getByLabelText(/^password/i), 'long-enough-password');
    await user.click(screen.getByRole('button', { name: 'Create account and accept' }));

    expect(await screen.findByText('Dashboard')).toBeInTheDocument();
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts).toEqual([
      {
        method: 'POST',
        path: '/api/v1/team/invitations/accept',
        body: { token: 'sft_1', password: 'long-enough-password', name: 'Meera Iyer' },
      },
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { email: 'meera@voltas.in', password: 'long-enough-password', organizationId },
      },
    ]);
  });

  it('asks an existing user only for the password', async () => {
    const { calls } = serve(true);
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByText(/you already have a spareflow account/i)).toBeInTheDocument();
    expect(screen.queryByLabelText(/your name/i)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/^password/i), 'my-password');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('Dashboard')).toBeInTheDocument();
    expect(calls.find((call) => call.path === '/api/v1/team/invitations/accept')?.body).toEqual({
      token: 'sft_1',
      password: 'my-password',
    });
  });
});
