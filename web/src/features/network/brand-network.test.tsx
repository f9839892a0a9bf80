import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { session } from '../../session/session-context';
import { fakeServer, meOf } from '../../../test/fake-server';
import { NetworkPage } from './network.page';

const partnerId = '0b9f4a6e-0000-4000-8000-000000000001';
const requestId = '0b9f4a6e-0000-4000-8000-0000000000aa';

function brandServer(extra: Parameters<typeof fakeServer>[0] = () => undefined) {
  return fakeServer((request) => {
    const answer = extra(request);
    if (answer) return answer;
    if (request.path === '/api/v1/me') return jsonResponse(200, meOf('brand'));
    if (request.path.startsWith('/api/v1/network/partners?'))
      return jsonResponse(200, {
        items: [
          {
            partnerId,
            name: 'QuickFix Pune',
            type: 'service_center',
            status: 'active',
            since: '2026-11-01T05:30:00.000Z',
          },
        ],
        nextCursor: null,
      });
    if (request.path.startsWith('/api/v1/network/invitations?'))
      return jsonResponse(200, { items: [], nextCursor: null });
    if (request.path.startsWith('/api/v1/network/access-requests?'))
      return jsonResponse(200, {
        items: [
          {
            id: requestId,
            partnerId,
            partnerName: 'Sharma Distributors',
            partnerType: 'distributor',
            message: 'We serve Nashik',
            status: 'pending',
            createdAt: '2026-11-20T05:30:00.000Z',
            decidedAt: null,
          },
        ],
        nextCursor: null,
      });
    return undefined;
  });
}

beforeEach(async () => {
  brandServer();
  await session.loadMe();
});

afterEach(() => {
  notifications.clean();
  vi.unstubAllGlobals();
});

describe('NetworkPage for a brand', () => {
  it('lists partners with their organization name and an "Active" badge', async () => {
    renderWithProviders(<NetworkPage />);
    const table = await screen.findByRole('table', { name: 'Partners' });
    expect(within(table).getByText('QuickFix Pune')).toBeInTheDocument();
    expect(within(table).getByText('Active')).toBeInTheDocument();
    expect(within(table).getByText('Service centre')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /access requests/i })).toHaveTextContent('1');
  });

  it('invites a partner with the e-mail and partner type', async () => {
    const { calls } = brandServer((request) =>
      request.method === 'POST' && request.path === '/api/v1/network/invitations'
        ? jsonResponse(201, {
            id: '0b9f4a6e-0000-4000-8000-0000000000bb',
            email: 'ops@sharma.in',
            partnerType: 'service_center',
            expiresAt: '2026-12-03T05:30:00.000Z',
            acceptUrl: 'http://localhost/network/invitations/accept?token=sfi_x',
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<NetworkPage />);
    await user.click(await screen.findByRole('button', { name: 'Invite partner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite partner' });
    await user.type(within(dialog).getByLabelText('E-mail'), 'ops@sharma.in');
    await user.click(within(dialog).getByLabelText('Partner type'));
    await user.click(await screen.findByRole('option', { name: 'Service centre', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText(/in sandbox mode the e-mail is in the/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sandbox mailbox' })).toHaveAttribute(
      'href',
      '/sandbox/mailbox',
    );
    const sent = calls.filter((call) => call.method === 'POST');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/v1/network/invitations',
        body: { email: 'ops@sharma.in', partnerType: 'service_center' },
      },
    ]);
  });

  it('approves a pending access request', async () => {
    const { calls } = brandServer((request) =>
      request.method === 'POST' && request.path.endsWith('/approve')
        ? jsonResponse(200, { id: requestId, status: 'approved' })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<NetworkPage />);
    await user.click(await screen.findByRole('tab', { name: /access requests/i }));
    const table = await screen.findByRole('table', { name: 'Access requests' });
    expect(within(table).getByText('Sharma Distributors')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Approve' }));

    await waitFor(() =>
      expect(calls.filter((call) => call.method === 'POST')).toEqual([
        {
          method: 'POST',
          path: `/api/v1/network/access-requests/${requestId}/approve`,
          body: undefined,
        },
      ]),
    );
    expect(await screen.findByText('Sharma Distributors is now an active partner.')).toBeVisible();
  });
});
