import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AuditLogPage } from './audit-log.page';
import { capabilitiesFor } from '../../../test/fake-server';

vi.mock('../../session/session-context', () => ({
  useMe: () => ({
    user: { id: 'u1', name: 'Asha Rao', email: 'asha@example.in' },
    organization: { id: 'o1', type: 'brand', name: 'Acme' },
    role: 'owner',
    memberships: [],
    capabilities: capabilitiesFor('brand', 'owner'),
  }),
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const userId = '11111111-2222-4333-8444-555555555555';
const entry = (position: number, action: string) => ({
  position,
  occurredAt: '2026-11-26T03:00:00.000Z',
  actor: { userId, apiKeyId: null },
  organizationId: 'o1',
  action,
  entityType: 'location',
  entityId: '99999999-8888-4777-8666-555555555555',
  before: null,
  after: { name: `Pune warehouse ${position}` },
  requestId: 'req-1',
  ip: '127.0.0.1',
});

describe('AuditLogPage', () => {
  it('shows entries with the actor’s name, expands details and loads more by cursor', async () => {
    const queries: URLSearchParams[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const url = new URL(request.url);
        if (url.pathname === '/api/v1/team/members') {
          return jsonResponse(200, {
            items: [{ userId, name: 'Asha Rao', email: 'a@x.in', role: 'owner', joinedAt: '' }],
          });
        }
        queries.push(url.searchParams);
        return url.searchParams.get('cursor') === 'c2'
          ? jsonResponse(200, { items: [entry(1, 'location.created')], nextCursor: null })
          : jsonResponse(200, { items: [entry(2, 'api_key.revoked')], nextCursor: 'c2' });
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);

    expect(await screen.findByText('api_key.revoked')).toBeInTheDocument();
    expect(await screen.findByText('Asha Rao')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show details' }));
    expect(screen.getByText(/"name": "Pune warehouse 2"/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('location.created')).toBeInTheDocument();
    expect(queries.at(-1)?.get('cursor')).toBe('c2');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument(),
    );
  });

  it('sends the filters the API supports, dates as IST day boundaries', async () => {
    const queries: URLSearchParams[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const url = new URL(request.url);
        if (url.pathname === '/api/v1/audit-log') queries.push(url.searchParams);
        return jsonResponse(200, { items: [], nextCursor: null });
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);
    expect(await screen.findByText('Nothing recorded yet')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Action'), 'location.created');
    await user.type(screen.getByLabelText('From (IST)'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(queries.at(-1)?.get('action')).toBe('location.created'));
    expect(queries.at(-1)?.get('from')).toBe('2026-11-01T00:00:00.000+05:30');
    expect(await screen.findByText('No entries match the filters')).toBeInTheDocument();
  });
});
