import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { RegisterForm } from './register-form';
import { capabilitiesFor } from '../../../test/fake-server';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillValidForm() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('radio', { name: /service centre/i }));
  await user.type(screen.getByLabelText(/organization name/i), 'QuickFix Pune');
  await user.type(screen.getByLabelText(/your name/i), 'Asha Rao');
  await user.type(screen.getByLabelText(/^e-mail/i), 'asha@example.in');
  await user.type(screen.getByLabelText(/mobile/i), '98765 43210');
  await user.type(screen.getByLabelText(/^password/i), 'long-enough-password');
  return user;
}

describe('RegisterForm', () => {
  it('checks the fields before calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<RegisterForm onRegistered={vi.fn()} />);

    await user.type(screen.getByLabelText(/gstin/i), 'NOT-A-GSTIN');
    await user.type(screen.getByLabelText(/^password/i), 'short');
    await user.click(screen.getByRole('button', { name: /create account/i }));

    expect(await screen.findByText(/choose what kind of organization/i)).toBeInTheDocument();
    expect(screen.getByText(/a gstin has 15 characters/i)).toBeInTheDocument();
    expect(screen.getByText('Use at least 10 characters')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the registration with a +91 phone and calls onRegistered', async () => {
    const onRegistered = vi.fn();
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/api/v1/auth/register')) {
        return jsonResponse(201, { accessToken: 'token', refreshToken: 'refresh' });
      }
      return jsonResponse(200, {
        user: { id: 'u', email: 'asha@example.in', name: 'Asha Rao', phone: '+919876543210' },
        organization: { id: 'o', type: 'service_center', name: 'QuickFix Pune' },
        role: 'owner',
        memberships: [],
        capabilities: capabilitiesFor('service_center', 'owner'),
      });
    });
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<RegisterForm onRegistered={onRegistered} />);

    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: /create account/i }));

    await waitFor(() => expect(onRegistered).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/register');
    expect(JSON.parse(String(init.body))).toEqual({
      email: 'asha@example.in',
      name: 'Asha Rao',
      password: 'long-enough-password',
      phone: '+919876543210',
      organization: { type: 'service_center', name: 'QuickFix Pune' },
    });
    expect(new Headers(init.headers).get('x-spareflow-session')).toBe('cookie');
  });

  it('puts the server’s field errors on the matching inputs', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, {
          status: 400,
          code: 'VALIDATION_FAILED',
          title: 'Invalid request',
          detail: 'The request body is invalid',
          errors: [
            { path: 'body.email', message: 'this e-mail is already registered' },
            { path: 'body.organization.name', message: 'too long for us' },
          ],
        }),
      ),
    );
    const onRegistered = vi.fn();
    renderWithProviders(<RegisterForm onRegistered={onRegistered} />);
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: /create account/i }));

    expect(await screen.findByText('this e-mail is already registered')).toBeInTheDocument();
    expect(screen.getByText('too long for us')).toBeInTheDocument();
    expect(onRegistered).not.toHaveBeenCalled();
  });
});
