import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { session } from '../../session/session-context';
import { fakeServer, meOf } from '../../../test/fake-server';
import { TeamPage } from './team.page';

const member = {
  userId: '0b9f4a6e-0000-4000-8000-000000000002',
  name: 'Ravi Kumar',
  email: 'ravi@voltas.in',
  role: 'operator',
  joinedAt: '2026-11-01T05:30:00.000Z',
};

function serve(extra: Parameters<typeof fakeServer>[0] = () => undefined) {
  return fakeServer((request) => {
    const answer = extra(request);
    if (answer) return answer;
    if (request.path === '/api/v1/me') return jsonResponse(200, meOf('brand', 'admin'));
    if (request.path === '/api/v1/team/members')
      return jsonResponse(200, {
        items: [
          {
            ...member,
            userId: 'user-1',
            name: 'Asha Rao',
            email: 'asha@example.in',
            role: 'admin',
          },
          member,
        ],
      });
    if (request.path.startsWith('/api/v1/team/invitations?'))
      return jsonResponse(200, {
        items: [
          {
            id: '0b9f4a6e-0000-4000-8000-000000000003',
            email: 'new@voltas.in',
            role: 'viewer',
            status: 'pending',
            createdAt: '2026-11-20T05:30:00.000Z',
            expiresAt: '2026-11-27T05:30:00.000Z',
          },
        ],
        nextCursor: null,
      });
    return undefined;
  });
}

beforeEach(async () => {
  serve();
  await session.loadMe();
});

afterEach(() => {
  notifications.clean();
  vi.unstubAllGlobals();
});

describe('TeamPage', () => {
  it('lists members and invitations with badges', async () => {
    renderWithProviders(<TeamPage />);
    const members = await screen.findByRole('table', { name: 'Members' });
    expect(within(members).getByText('Ravi Kumar')).toBeInTheDocument();
    expect(within(members).getByText('Operator')).toBeInTheDocument();
    const invitations = await screen.findByRole('table', { name: 'Staff invitations' });
    expect(within(invitations).getByText('Pending')).toBeInTheDocument();
  });

  it('shows the server’s refusal of a role change', async () => {
    const { calls } = serve((request) =>
      request.method === 'PATCH'
        ? jsonResponse(403, {
            status: 403,
            code: 'FORBIDDEN',
            detail: 'Only an owner may grant, change or remove owners.',
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamPage />);
    const labelled = await screen.findAllByLabelText('Role of Ravi Kumar');
    const input = labelled.find((element) => element.tagName === 'INPUT');
    await user.click(input!);
    const listbox = labelled.find((element) => element.tagName !== 'INPUT');
    await user.click(within(listbox!).getByRole('option', { name: 'Owner', hidden: true }));

    expect(
      await screen.findByText('Only an owner may grant, change or remove owners.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PATCH')).toEqual({
        method: 'PATCH',
        path: `/api/v1/team/members/${member.userId}`,
        body: { role: 'owner' },
      }),
    );
  });

  it('invites staff by e-mail and role', async () => {
    const { calls } = serve((request) =>
      request.method === 'POST' && request.path === '/api/v1/team/invitations'
        ? jsonResponse(201, {
            id: '0b9f4a6e-0000-4000-8000-000000000004',
            email: 'kiran@voltas.in',
            role: 'operator',
            expiresAt: '2026-12-03T05:30:00.000Z',
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamPage />);
    await user.click(await screen.findByRole('button', { name: 'Invite staff' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite staff' });
    await user.type(within(dialog).getByLabelText(/^e-mail/i), 'kiran@voltas.in');
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent to kiran@voltas.in.')).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      email: 'kiran@voltas.in',
      role: 'operator',
    });
  });
});
