import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ApiKeysPage } from './api-keys.page';

afterEach(() => {
  vi.unstubAllGlobals();
});

const secret = 'sfk_1a2b3c4d_thisIsTheSecretPartOfTheKey0123456789';
const existing = {
  id: '0b6f2a57-3c1e-4d4b-8a55-1f2e3d4c5b6a',
  name: 'Old ERP',
  scope: 'read',
  prefix: 'sfk_99887766',
  createdAt: '2026-11-01T04:30:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

function fakeServer() {
  const keys: unknown[] = [existing];
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    const text = await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    calls.push({ method: request.method, path, body });
    if (request.method === 'DELETE') return new Response(null, { status: 204 });
    if (request.method === 'POST' && path === '/api/v1/api-keys') {
      const view = {
        id: '5c0a3f0e-9d8c-4b7a-8e6f-5d4c3b2a1f0e',
        name: 'ERP sync',
        scope: 'read_write',
        prefix: 'sfk_1a2b3c4d',
        createdAt: '2026-11-26T03:00:00.000Z',
      };
      keys.push({ ...view, lastUsedAt: null, revokedAt: null });
      return jsonResponse(201, { ...view, key: secret });
    }
    return jsonResponse(200, { items: keys });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

describe('ApiKeysPage', () => {
  it('creates a key and shows the secret once, with a warning', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    renderWithProviders(<ApiKeysPage />);

    expect(await screen.findByText('Old ERP')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const form = await screen.findByRole('dialog', { name: 'Create API key' });
    await user.type(within(form).getByLabelText(/^name/i), 'ERP sync');
    await user.click(within(form).getByLabelText(/read and write/i));
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy your new API key' });
    expect(within(shown).getByText(secret)).toBeInTheDocument();
    expect(within(shown).getByText(/will not be shown again/i)).toBeInTheDocument();
    expect(within(shown).getByRole('button', { name: 'Copy API key' })).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'ERP sync',
      scope: 'read_write',
    });

    await user.click(within(shown).getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByText(secret)).not.toBeInTheDocument());
    expect(await screen.findByText('ERP sync')).toBeInTheDocument();
    expect(screen.queryByText(secret)).not.toBeInTheDocument();
  });

  it('revokes a key only after confirmation', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    renderWithProviders(<ApiKeysPage />);

    await user.click(await screen.findByRole('button', { name: 'Revoke Old ERP' }));
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    await user.click(await screen.findByRole('button', { name: 'Revoke key' }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'DELETE',
        path: `/api/v1/api-keys/${existing.id}`,
        body: undefined,
      }),
    );
  });
});
