import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { mailbox, waitForEmail } from '../support/sandbox-mailbox.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);
const pool = () => testApp().database.pool;

/** A brand name with characters HTML must escape, as people may well type one. */
const brandName = `Sharma & Sons <Appliances> ${crypto.randomBytes(3).toString('hex')}`;
const escapedBrand = brandName.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;');

let owner: TestMember;
let admin: TestMember;
let manager: TestMember;
let brandId: string;
let otherBrandOwner: TestMember;

const as = (member: TestMember) => ({ bearer: member.accessToken });
const unique = (label: string) => `${label}.${crypto.randomBytes(4).toString('hex')}@example.in`;
const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

/**
 * The resent e-mail once both reached `to` (the worker may deliver the two in either order) and
 * its token; the first one's token too.
 */
async function firstAndResent(to: string, subject: RegExp) {
  await waitForEmail(testApp(), to, subject, { count: 2 });
  const items = (await mailbox(testApp(), to)).filter((item) => subject.test(item.subject));
  const isResent = (text: string) => text.includes('This is a new link');
  const resent = items.find((item) => isResent(item.text));
  const first = items.find((item) => !isResent(item.text));
  if (!resent || !first) throw new Error('expected the first and the resent e-mail');
  const token = (item: typeof resent) =>
    tokenOf(item.links.find((link) => link.includes('token=')) ?? 'http://x/');
  return {
    first: { item: first, token: token(first) },
    resent: { item: resent, token: token(resent) },
  };
}

beforeAll(async () => {
  const { container } = testApp();
  const brand = await makeOrganization(container, 'brand', ['owner', 'admin', 'manager']);
  brandId = brand.organizationId;
  owner = brand.members.owner as TestMember;
  admin = brand.members.admin as TestMember;
  manager = brand.members.manager as TestMember;
  otherBrandOwner = (await makeOrganization(container, 'brand', ['owner'])).members
    .owner as TestMember;
  await pool().query('update organizations set name = $1 where id = $2', [brandName, brandId]);
  await pool().query(`update users set name = 'Anita Rao', phone = '+919876543210' where id = $1`, [
    owner.userId,
  ]);
});

async function invitePartner(email: string) {
  const created = await call('POST', '/api/v1/network/invitations', as(owner), {
    email,
    partnerType: 'distributor',
  });
  expect(created.status).toBe(201);
  return created.json as { id: string; acceptUrl: string; expiresAt: string };
}

const resendPartner = (id: string, member: TestMember = owner) =>
  call('POST', `/api/v1/network/invitations/${id}/resend`, as(member));
const previewPartner = (token: string) =>
  call('GET', `/api/v1/network/invitations/preview?token=${encodeURIComponent(token)}`, null);

describe('the partner invitation e-mail', () => {
  it('names the brand, the inviter with their contact, what accepting does and when it expires', async () => {
    const email = unique('partner');
    const created = await invitePartner(email);
    const { item, token } = await waitForEmail(testApp(), email, /invites you to its/);
    expect(token).toBe(tokenOf(created.acceptUrl));
    expect(item.subject).toBe(`${brandName} invites you to its distributor network on SpareFlow`);
    for (const words of [
      `Anita Rao of ${brandName} has invited ${email}`,
      'Invited by: Anita Rao',
      `Their e-mail: ${owner.email}`,
      'Their phone: +91 98765 43210',
      `Accepting links your distributor organisation on SpareFlow to ${brandName}`,
      'The link works once and expires on',
    ])
      expect(item.text).toContain(words);
    expect(item.text).toMatch(/Link valid until: \d{1,2} \w+ \d{4} at \d{1,2}:\d{2} [ap]m IST/);
    // The HTML part says the same, escaped: a brand name cannot inject markup.
    expect(item.html).toContain(escapedBrand);
    expect(item.html).not.toContain('<Appliances>');
    expect(item.html).toContain(`href="${created.acceptUrl.replaceAll('&', '&amp;')}"`);
  });
});

describe('POST /api/v1/network/invitations/{id}/resend', () => {
  it('sends a new link that works, the old one stops working, the expiry restarts; audited without the token', async () => {
    const distributor = await makeOrganization(testApp().container, 'distributor', ['owner']);
    const partnerOwner = distributor.members.owner as TestMember;
    const created = await invitePartner(partnerOwner.email);
    await pool().query(
      "update partner_invitations set expires_at = now() + interval '1 day' where id = $1",
      [created.id],
    );
    const resent = await resendPartner(created.id, admin);
    expect(resent.status).toBe(200);
    expect(resent.json).toMatchObject({ id: created.id, status: 'pending' });
    const days = (Date.parse(resent.json.expiresAt as string) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    const newToken = tokenOf(resent.json.acceptUrl as string);
    expect(newToken).not.toBe(tokenOf(created.acceptUrl));

    const {
      resent: { item, token },
    } = await firstAndResent(partnerOwner.email, /invites you/);
    expect(token).toBe(newToken);
    expect(item.text).toContain('This is a new link: any earlier one no longer works.');
    // Whoever resends is the one the e-mail names.
    expect(item.text).toContain(`Their e-mail: ${admin.email}`);

    expect((await previewPartner(tokenOf(created.acceptUrl))).json.code).toBe('INVITATION_INVALID');
    const oldAccept = await call('POST', '/api/v1/network/invitations/accept', as(partnerOwner), {
      token: tokenOf(created.acceptUrl),
    });
    expect(oldAccept.json.code).toBe('INVITATION_INVALID');
    const accepted = await call('POST', '/api/v1/network/invitations/accept', as(partnerOwner), {
      token: newToken,
    });
    expect(accepted).toMatchObject({ status: 200, json: { brandId, status: 'active' } });

    const log = await call(
      'GET',
      `/api/v1/audit-log?action=partner.invitation_resent&entityId=${created.id}`,
      as(owner),
    );
    expect(log.json.items).toEqual([
      expect.objectContaining({
        actionLabel: 'Partner invitation resent',
        actor: expect.objectContaining({ id: admin.userId, name: expect.any(String) }),
        target: expect.objectContaining({ label: `${partnerOwner.email} (distributor)` }),
      }),
    ]);
    const leaks = await pool().query(
      "select count(*)::int as n from (select payload::text as t from domain_events union all select row_to_json(audit_log)::text from audit_log) x where t like '%' || $1 || '%'",
      [newToken],
    );
    expect(leaks.rows[0].n).toBe(0);

    // Accepted: no longer pending.
    const again = await resendPartner(created.id);
    expect(again).toMatchObject({ status: 409, json: { code: 'CONFLICT' } });
  });

  it('answers 409 for revoked and expired invitations, 404 for another brand’s, 403 for a manager', async () => {
    const revoked = await invitePartner(unique('revoked'));
    await call('POST', `/api/v1/network/invitations/${revoked.id}/revoke`, as(owner));
    expect((await resendPartner(revoked.id)).status).toBe(409);
    const expired = await invitePartner(unique('expired'));
    await pool().query(
      "update partner_invitations set expires_at = now() - interval '1 minute' where id = $1",
      [expired.id],
    );
    expect((await resendPartner(expired.id)).status).toBe(409);
    const pending = await invitePartner(unique('pending'));
    expect((await resendPartner(pending.id, otherBrandOwner)).status).toBe(404);
    expect((await resendPartner(pending.id, manager)).status).toBe(403);
  });

  it('refuses a 4th resend within the hour (429, Retry-After) and leaves the last link working', async () => {
    const created = await invitePartner(unique('often'));
    let last = '';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const resent = await resendPartner(created.id);
      expect(resent.status).toBe(200);
      last = resent.json.acceptUrl as string;
    }
    const response = await fetch(
      `${testApp().url}/api/v1/network/invitations/${created.id}/resend`,
      { method: 'POST', headers: { authorization: `Bearer ${owner.accessToken}` } },
    );
    expect(response.status).toBe(429);
    const problem = (await response.json()) as { code: string; retryAfterSeconds: number };
    expect(problem.code).toBe('RESEND_LIMIT_REACHED');
    expect(problem.retryAfterSeconds).toBeGreaterThan(3500);
    expect(response.headers.get('retry-after')).toBe(String(problem.retryAfterSeconds));
    expect((await previewPartner(tokenOf(last))).status).toBe(200);
    // An hour later the window has moved on.
    await pool().query(
      "update partner_invitations set resent_at = array(select t - interval '1 hour' from unnest(resent_at) t) where id = $1",
      [created.id],
    );
    expect((await resendPartner(created.id)).status).toBe(200);
  });
});

describe('staff invitations: the e-mail and resend', () => {
  const inviteStaff = async (email: string, role: string, by: TestMember = owner) => {
    const invited = await call('POST', '/api/v1/team/invitations', as(by), { email, role });
    expect(invited.status).toBe(201);
    return invited.json.id as string;
  };
  const resendStaff = (id: string, by: TestMember = owner) =>
    call('POST', `/api/v1/team/invitations/${id}/resend`, as(by));
  const previewStaff = (token: string) =>
    call('GET', `/api/v1/team/invitations/preview?token=${encodeURIComponent(token)}`, null);

  it('names the organization and the inviter; a resend replaces the link and is audited', async () => {
    const email = unique('staff');
    const id = await inviteStaff(email, 'manager');
    const first = await waitForEmail(testApp(), email, /invited you to join/);
    expect(first.item.subject).toBe(`Anita Rao invited you to join ${brandName} on SpareFlow`);
    for (const words of [
      `Anita Rao has invited ${email} to join ${brandName}'s team on SpareFlow`,
      'Role: Manager',
      `Their e-mail: ${owner.email}`,
      'Their phone: +91 98765 43210',
      'The link works once and expires on',
    ])
      expect(first.item.text).toContain(words);
    expect(first.item.html).toContain(escapedBrand);
    expect(first.item.html).not.toContain('<Appliances>');

    const resent = await resendStaff(id);
    expect(resent).toMatchObject({ status: 200, json: { id, status: 'pending', role: 'manager' } });
    const { resent: second } = await firstAndResent(email, /invited you to join/);
    expect(second.token).not.toBe(first.token);
    expect((await previewStaff(first.token)).json.code).toBe('TOKEN_INVALID');
    const accepted = await call('POST', '/api/v1/team/invitations/accept', null, {
      token: second.token,
      name: 'Ravi Kumar',
      password: 'Invitee-password-1',
    });
    expect(accepted.status).toBe(200);
    expect((await resendStaff(id)).status).toBe(409);

    const log = await call('GET', `/api/v1/audit-log?action=invitation.resent`, as(owner));
    expect(log.json.items).toEqual([
      expect.objectContaining({
        entityId: id,
        actionLabel: 'Staff invitation resent',
        target: expect.objectContaining({ type: 'staff_invitation', label: email }),
      }),
    ]);
  });

  it('only an owner resends an owner invitation; another organization’s is 404; at most 3 an hour', async () => {
    const ownerInvite = await inviteStaff(unique('owner'), 'owner');
    expect((await resendStaff(ownerInvite, admin)).status).toBe(403);
    expect((await resendStaff(ownerInvite, otherBrandOwner)).status).toBe(404);
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await resendStaff(ownerInvite)).status).toBe(200);
    const limited = await resendStaff(ownerInvite);
    expect(limited).toMatchObject({ status: 429, json: { code: 'RESEND_LIMIT_REACHED' } });
  });
});
