import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { PartnerInvitationsTable } from '../features/network/partner-invitations-table';
import { StaffInvitationsTable } from '../features/team/staff-invitations-table';

afterEach(() => {
  notifications.clean();
  vi.unstubAllGlobals();
});

const invitation = (id: string, email: string, status: 'pending' | 'accepted') => ({
  id,
  email,
  status,
  createdAt: '2026-11-20T05:30:00.000Z',
  expiresAt: '2026-11-27T05:30:00.000Z',
});
const pendingId = '0b9f4a6e-0000-4000-8000-000000000003';
const acceptedId = '0b9f4a6e-0000-4000-8000-000000000004';

describe('invitation lists', { timeout: 30_000 }, () => {
  it('partner invitations: Resend and Revoke for pending ones only; Resend sends a new link', async () => {
    const { calls } = fakeServer((request) =>
      request.method === 'POST'
        ? jsonResponse(200, {
            ...invitation(pendingId, 'spares@sharma.in', 'pending'),
            partnerType: 'distributor',
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(
      <PartnerInvitationsTable
        invitations={[
          { ...invitation(pendingId, 'spares@sharma.in', 'pending'), partnerType: 'distributor' },
          {
            ...invitation(acceptedId, 'desk@quickfix.in', 'accepted'),
            partnerType: 'service_center',
          },
        ]}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Partner invitations' });
    const rows = within(table).getAllByRole('row').slice(1);
    const pending = rows.find((row) => row.textContent?.includes('spares@sharma.in'));
    const accepted = rows.find((row) => row.textContent?.includes('desk@quickfix.in'));
    expect(
      within(pending!).getByRole('button', { name: 'Resend the invitation to spares@sharma.in' }),
    ).toBeInTheDocument();
    expect(
      within(pending!).getByRole('button', { name: 'Revoke the invitation to spares@sharma.in' }),
    ).toBeInTheDocument();
    expect(within(accepted!).queryByRole('button')).not.toBeInTheDocument();

    await user.click(
      within(pending!).getByRole('button', { name: 'Resend the invitation to spares@sharma.in' }),
    );
    expect(
      await screen.findByText(
        'A new link was sent to spares@sharma.in; the earlier one no longer works.',
      ),
    ).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([
      `/api/v1/network/invitations/${pendingId}/resend`,
    ]);
  });

  it('staff invitations: a refused resend says when it can be sent again, from the problem data', async () => {
    const { calls } = fakeServer((request) =>
      request.method === 'POST'
        ? jsonResponse(429, {
            status: 429,
            code: 'RESEND_LIMIT_REACHED',
            detail: 'prose the page must not parse',
            retryAfterSeconds: 1_750,
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(
      <StaffInvitationsTable
        invitations={[{ ...invitation(pendingId, 'kiran@voltas.in', 'pending'), role: 'viewer' }]}
      />,
    );
    await user.click(
      await screen.findByRole('button', { name: 'Resend the invitation to kiran@voltas.in' }),
    );
    expect(
      await screen.findByText(
        'This invitation was resent 3 times in the last hour. You can resend it again in 30 minutes; the last link sent still works.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('prose the page must not parse')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(calls.at(-1)?.path).toBe(`/api/v1/team/invitations/${pendingId}/resend`),
    );
    expect(
      screen.getByRole('button', { name: 'Revoke the invitation to kiran@voltas.in' }),
    ).toBeInTheDocument();
  });
});
