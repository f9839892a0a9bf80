import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { waitForEmail } from '../support/sandbox-mailbox.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

const unique = () => `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;

async function owner(type: 'brand' | 'distributor') {
  const made = await makeOrganization(testApp().container, type, ['owner']);
  return { ...made, owner: made.members.owner as TestMember };
}

describe('invitation previews (public, by token)', () => {
  it('shows a pending partner invitation, linked on the origin the brand used, until it is accepted', async () => {
    const brand = await owner('brand');
    const distributor = await owner('distributor');
    const email = distributor.owner.email;
    const created = await call(
      'POST',
      '/api/v1/network/invitations',
      { bearer: brand.owner.accessToken },
      { email, partnerType: 'distributor' },
    );
    expect(created.status).toBe(201);
    const acceptUrl = new URL(created.json.acceptUrl as string);
    // Without APP_URL (production requires it) the link uses the origin the brand called, like
    // account e-mails — never a fixed :3000 or the configured port 0.
    expect(acceptUrl.origin).toBe(new URL(testApp().url).origin);
    expect(acceptUrl.pathname).toBe('/network/invitations/accept');
    const token = acceptUrl.searchParams.get('token') ?? '';

    const preview = await call(
      'GET',
      `/api/v1/network/invitations/preview?token=${encodeURIComponent(token)}`,
      null,
    );
    expect(preview.status).toBe(200);
    expect(preview.json).toEqual({
      brandName: brand.name,
      partnerType: 'distributor',
      email,
      expiresAt: created.json.expiresAt,
    });

    const accepted = await call(
      'POST',
      '/api/v1/network/invitations/accept',
      { bearer: distributor.owner.accessToken },
      { token },
    );
    expect(accepted.status).toBe(200);
    const used = await call(
      'GET',
      `/api/v1/network/invitations/preview?token=${encodeURIComponent(token)}`,
      null,
    );
    expect(used.status).toBe(400);
    expect(used.json.code).toBe('INVITATION_INVALID');
    const unknown = await call('GET', '/api/v1/network/invitations/preview?token=sfi_nope', null);
    expect(unknown.json.code).toBe('INVITATION_INVALID');
    const missing = await call('GET', '/api/v1/network/invitations/preview', null);
    expect(missing.status).toBe(400);
    expect(missing.json.code).toBe('VALIDATION_FAILED');
  });

  it('shows a pending staff invitation with whether the invitee already has an account', async () => {
    const brand = await owner('brand');
    const other = await owner('distributor');
    const asOwner = { bearer: brand.owner.accessToken };
    const newcomer = `staff.${unique()}@example.in`;
    const invited = await call('POST', '/api/v1/team/invitations', asOwner, {
      email: newcomer,
      role: 'operator',
    });
    expect(invited.status).toBe(201);
    const { token, item } = await waitForEmail(testApp(), newcomer, /invited you to join/);
    expect(item.links.some((link) => link.includes('/accept-invitation?token='))).toBe(true);

    const preview = await call(
      'GET',
      `/api/v1/team/invitations/preview?token=${encodeURIComponent(token)}`,
      null,
    );
    expect(preview.status).toBe(200);
    expect(preview.json).toEqual({
      organizationName: brand.name,
      organizationType: 'brand',
      role: 'operator',
      email: newcomer,
      expiresAt: invited.json.expiresAt,
      existingUser: false,
    });

    // The distributor's owner already has an account: the page must ask for its password.
    const existing = await call('POST', '/api/v1/team/invitations', asOwner, {
      email: other.owner.email,
      role: 'viewer',
    });
    expect(existing.status).toBe(201);
    const second = await waitForEmail(testApp(), other.owner.email, /invited you to join/);
    const existingPreview = await call(
      'GET',
      `/api/v1/team/invitations/preview?token=${encodeURIComponent(second.token)}`,
      null,
    );
    expect(existingPreview.json).toMatchObject({ role: 'viewer', existingUser: true });

    const accepted = await call('POST', '/api/v1/team/invitations/accept', null, {
      token,
      name: 'New Operator',
      password: 'Correct-horse-battery-9',
    });
    expect(accepted.status).toBe(200);
    const used = await call(
      'GET',
      `/api/v1/team/invitations/preview?token=${encodeURIComponent(token)}`,
      null,
    );
    expect(used.status).toBe(400);
    expect(used.json.code).toBe('TOKEN_INVALID');
  });
});
