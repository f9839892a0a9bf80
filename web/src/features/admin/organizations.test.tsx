import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { OrganizationsPage } from './organizations.page';

afterEach(() => {
  vi.unstubAllGlobals();
});

const quickFix = {
  id: '3d6c1b2a-4e5f-4a7b-8c9d-0e1f2a3b4c5d',
  type: 'service_center',
  name: 'QuickFix Pune',
  status: 'active',
  createdAt: '2026-10-01T05:00:00.000Z',
};

function fakeServer() {
  const calls: { method: string; path: string; query: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      calls.push({ method: request.method, path: url.pathname, query: url.search });
      if (request.method === 'POST') {
        return jsonResponse(200, { id: quickFix.id, status: 'suspended' });
      }
      return jsonResponse(200, { items: [quickFix], nextCursor: null });
    }),
  );
  return calls;
}

describe('OrganizationsPage', () => {
  it('suspends an organization only after confirmation', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    renderWithProviders(<OrganizationsPage />);

    await user.click(await screen.findByRole('button', { name: 'Suspend QuickFix Pune' }));
    expect(await screen.findByText(/its api keys stop working/i)).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Suspend organization' }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        path: `/api/v1/admin/organizations/${quickFix.id}/suspend`,
        query: '',
      }),
    );
  });

  it('asks the server to filter by name', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    renderWithProviders(<OrganizationsPage />);
    await screen.findByText('QuickFix Pune');
    await user.type(screen.getByLabelText('Search by name'), 'Quick');
    await waitFor(() =>
      expect(calls.some((call) => new URLSearchParams(call.query).get('q') === 'Quick')).toBe(true),
    );
  });
});
