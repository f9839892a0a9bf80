import { notifications } from '@mantine/notifications';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { session } from '../../session/session-context';
import { fakeServer, capabilitiesFor } from '../../../test/fake-server';
import { PartnerInvitationPage } from './partner-invitation.page';

const preview = {
  brandName: 'Voltas Cool',
  partnerType: 'service_center',
  email: 'ops@quickfix.in',
  expiresAt: '2026-12-03T05:30:00.000Z',
};

const me = {
  user: { id: 'user-2', email: 'ops@quickfix.in', name: 'Ravi Kumar', phone: null },
  organization: { id: 'org-2', type: 'service_center', name: 'QuickFix Pune' },
  role: 'owner',
  memberships: [],
  capabilities: capabilitiesFor('service_center', 'owner'),
};

function renderPage(token = 'sfi_good') {
  return renderWithProviders(
    <Routes>
      <Route path="/network/invitations/accept" element={<PartnerInvitationPage />} />
      <Route path="/network" element={<p>Network page</p>} />
    </Routes>,
    { path: `/network/invitations/accept?token=${token}` },
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

describe('PartnerInvitationPage', () => {
  it('shows the preview, registers, then accepts the invitation once', async () => {
    const { calls } = fakeServer((request) => {
      if (request.path.startsWith('/api/v1/network/invitations/preview'))
        return jsonResponse(200, preview);
      if (request.path === '/api/v1/auth/register')
        return jsonResponse(201, { accessToken: 'token', refreshToken: 'refresh' });
      if (request.path === '/api/v1/me') return jsonResponse(200, me);
      if (request.path === '/api/v1/network/invitations/accept')
        return jsonResponse(200, {
          brandId: '0b9f4a6e-0000-4000-8000-000000000009',
          status: 'active',
        });
      return undefined;
    });
    const user = userEvent.setup();
    renderPage();

    expect(
      await screen.findByText('Voltas Cool invites you to join as a Service centre'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^e-mail/i)).toHaveValue('ops@quickfix.in');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent('/network/invitations/accept?token=sfi_good')}`,
    );

    await user.type(screen.getByLabelText(/organization name/i), 'QuickFix Pune');
    await user.type(screen.getByLabelText(/your name/i), 'Ravi Kumar');
    await user.type(screen.getByLabelText(/^password/i), 'long-enough-password');
    await user.click(screen.getByRole('button', { name: 'Create account and accept' }));

    expect(await screen.findByText('Network page')).toBeInTheDocument();
    expect(await screen.findByText('You joined Voltas Cool’s network.')).toBeInTheDocument();
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /api/v1/network/invitations/preview?token=sfi_good',
      'POST /api/v1/auth/register',
      'GET /api/v1/me',
      'POST /api/v1/network/invitations/accept',
    ]);
    expect(calls[1]?.body).toMatchObject({
      email: 'ops@quickfix.in',
      organization: { type: 'service_center', name: 'QuickFix Pune' },
    });
    expect(calls[3]?.body).toEqual({ token: 'sfi_good' });
  });

  it('accepts for the signed-in organization with one click', async () => {
    const { calls } = fakeServer((request) => {
      if (request.path.startsWith('/api/v1/network/invitations/preview'))
        return jsonResponse(200, preview);
      if (request.path === '/api/v1/me') return jsonResponse(200, me);
      if (request.path === '/api/v1/network/invitations/accept')
        return jsonResponse(200, {
          brandId: '0b9f4a6e-0000-4000-8000-000000000009',
          status: 'active',
        });
      return undefined;
    });
    await session.loadMe();
    const user = userEvent.setup();
    renderPage();

    const button = await screen.findByRole('button', { name: 'Accept invitation' });
    await user.dblClick(button);
    expect(await screen.findByText('Network page')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('shows the e-mail as fixed by the invitation when registering', async () => {
    fakeServer((request) =>
      request.path.startsWith('/api/v1/network/invitations/preview')
        ? jsonResponse(200, preview)
        : undefined,
    );
    renderPage();
    const email = await screen.findByLabelText(/^e-mail/i);
    expect(email).toHaveValue('ops@quickfix.in');
    expect(email).toHaveAttribute('readonly');
    expect(screen.getByText('The address the invitation was sent to')).toBeInTheDocument();
  });

  it('tells someone signed in with another address to sign in with the invited one', async () => {
    const { calls } = fakeServer((request) => {
      if (request.path.startsWith('/api/v1/network/invitations/preview'))
        return jsonResponse(200, preview);
      if (request.path === '/api/v1/me')
        return jsonResponse(200, { ...me, user: { ...me.user, email: 'someone@else.in' } });
      return undefined;
    });
    await session.loadMe();
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByText('Signed in with another address')).toBeInTheDocument();
    expect(screen.getByText(/You are signed in as someone@else\.in/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Create account and accept' })).toBeVisible();
    expect(calls.filter((call) => call.path === '/api/v1/network/invitations/accept')).toEqual([]);
  });

  it("shows the server's refusal when the address does not match after all", async () => {
    fakeServer((request) => {
      if (request.path.startsWith('/api/v1/network/invitations/preview'))
        return jsonResponse(200, preview);
      if (request.path === '/api/v1/me') return jsonResponse(200, me);
      if (request.path === '/api/v1/network/invitations/accept')
        return jsonResponse(403, {
          status: 403,
          code: 'INVITATION_EMAIL_MISMATCH',
          detail: 'This invitation was sent to another e-mail address. Sign in with the address.',
        });
      return undefined;
    });
    await session.loadMe();
    const user = userEvent.setup();
    renderPage();

    await user.click(await screen.findByRole('button', { name: 'Accept invitation' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign in with the invited address');
    expect(alert).toHaveTextContent('This invitation was sent to another e-mail address.');
  });

  it('shows a clear error for an invalid or expired token', async () => {
    const { calls } = fakeServer((request) =>
      request.path.startsWith('/api/v1/network/invitations/preview')
        ? jsonResponse(400, {
            status: 400,
            code: 'INVITATION_INVALID',
            detail: 'The invitation token is unknown, already used or expired.',
          })
        : undefined,
    );
    renderPage('sfi_bad');

    expect(await screen.findByText('This invitation cannot be used')).toBeInTheDocument();
    expect(screen.getByText(/invalid, already used, revoked or expired/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /accept/i })).not.toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(1));
  });
});
