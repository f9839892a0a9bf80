import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capabilitiesFor, fakeServer } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AuditLogPage } from './audit-log.page';

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
const keyId = '21111111-2222-4333-8444-555555555555';
const locationId = '99999999-8888-4777-8666-555555555555';
const slow = { timeout: 10_000 };

const entry = (position: number, action: string, actionLabel: string) => ({
  position,
  occurredAt: '2026-11-26T03:00:00.000Z',
  actor: { kind: 'user', id: userId, name: 'Asha Rao', userId, apiKeyId: null },
  organizationId: 'o1',
  action,
  actionLabel,
  entityType: 'location',
  entityId: locationId,
  target: { type: 'location', typeLabel: 'Location', id: locationId, label: 'Pune Central, Pune' },
  before: null,
  after: { name: `Pune warehouse ${position}` },
  requestId: 'req-1',
  ip: '127.0.0.1',
});

const vocabulary = {
  actions: [
    { action: 'location.created', label: 'Location added', entityType: 'location' },
    { action: 'api_key.revoked', label: 'API key revoked', entityType: 'api_key' },
  ],
  entityTypes: [
    { type: 'location', label: 'Location' },
    { type: 'api_key', label: 'API key' },
  ],
};

/** The fake API of the page; returns the audit-log queries it received. */
function serve(page: (query: URLSearchParams) => unknown) {
  const queries: URLSearchParams[] = [];
  fakeServer((request) => {
    const url = new URL(request.path, 'http://localhost');
    if (url.pathname === '/api/v1/audit-log/vocabulary') return jsonResponse(200, vocabulary);
    if (url.pathname === '/api/v1/team/members')
      return jsonResponse(200, {
        items: [{ userId, name: 'Asha Rao', email: 'a@x.in', role: 'owner', joinedAt: '' }],
      });
    if (url.pathname === '/api/v1/api-keys')
      return jsonResponse(200, { items: [{ id: keyId, name: 'ERP sync key' }] });
    if (url.pathname === '/api/v1/audit-log') {
      queries.push(url.searchParams);
      return jsonResponse(200, page(url.searchParams));
    }
    return undefined;
  });
  return queries;
}

async function choose(label: string, option: string) {
  const user = userEvent.setup();
  const input = screen.getAllByLabelText(label).find((element) => element.tagName === 'INPUT');
  await user.click(input!);
  await user.click(await screen.findByRole('option', { name: option, hidden: true }, slow));
}

describe('AuditLogPage', { timeout: 30_000 }, () => {
  it('reads in words: who, what happened, about what; details fold out; loads more by cursor', async () => {
    const queries = serve((query) =>
      query.get('cursor') === 'c2'
        ? { items: [entry(1, 'location.created', 'Location added')], nextCursor: null }
        : { items: [entry(2, 'api_key.revoked', 'API key revoked')], nextCursor: 'c2' },
    );
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);

    const table = await screen.findByRole('table', { name: 'Audit log' }, slow);
    expect(await within(table).findByText('API key revoked')).toBeInTheDocument();
    expect(within(table).getByText('Asha Rao')).toBeInTheDocument();
    expect(within(table).getByText('Pune Central, Pune')).toBeInTheDocument();
    expect(table.textContent).not.toContain('api_key.revoked');
    expect(table.textContent).not.toContain(locationId.slice(0, 8));

    await user.click(screen.getByRole('button', { name: 'Show details' }));
    expect(screen.getByText(/"name": "Pune warehouse 2"/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('Location added')).toBeInTheDocument();
    expect(queries.at(-1)?.get('cursor')).toBe('c2');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument(),
    );
  });

  it('filters by picking an action, a kind of target, a member or an API key, and IST days', async () => {
    const queries = serve(() => ({ items: [], nextCursor: null }));
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);
    expect(await screen.findByText('Nothing recorded yet', undefined, slow)).toBeInTheDocument();

    await choose('What happened', 'Location added');
    await choose('About', 'Location');
    await choose('Who', 'Asha Rao');
    await user.type(screen.getByLabelText('From (IST)'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(queries.at(-1)?.get('action')).toBe('location.created'));
    const query = queries.at(-1);
    expect(query?.get('entityType')).toBe('location');
    expect(query?.get('actorUserId')).toBe(userId);
    expect(query?.get('actorApiKeyId')).toBeNull();
    expect(query?.get('from')).toBe('2026-11-01T00:00:00.000+05:30');
    expect(await screen.findByText('No entries match the filters')).toBeInTheDocument();

    await choose('Who', 'ERP sync key');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(queries.at(-1)?.get('actorApiKeyId')).toBe(keyId));
    expect(queries.at(-1)?.get('actorUserId')).toBeNull();
    // No field asks for a code or an id.
    expect(screen.queryByLabelText(/id$/i)).not.toBeInTheDocument();
  });

  it('follows one target with "Only this" until the filter is removed', async () => {
    const queries = serve(() => ({
      items: [entry(2, 'location.created', 'Location added')],
      nextCursor: null,
    }));
    const user = userEvent.setup();
    renderWithProviders(<AuditLogPage />);
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Only this: entries about Location Pune Central, Pune' },
        slow,
      ),
    );
    await waitFor(() => expect(queries.at(-1)?.get('entityId')).toBe(locationId));
    expect(queries.at(-1)?.get('entityType')).toBe('location');
    expect(screen.getByText('Location Pune Central, Pune', { selector: 'strong' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /not only Location Pune Central/ }));
    await waitFor(() => expect(queries.at(-1)?.get('entityId')).toBeNull());
  });
});
