import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/query-state';
import { humanise } from '../../lib/format';
import { notifySuccess } from '../../lib/forms';
import { isApiProblem } from '../../api/problem';
import { session, useSession } from '../../session/session-context';
import { AuthLayout } from '../auth/auth-layout';
import { RegisterForm } from '../auth/register-form';
import { InvalidInvitation } from './invalid-invitation';
import { useAcceptPartnerInvitation, usePartnerInvitationPreview } from './invitations.queries';
import { can } from '../../session/capabilities';

/**
 * `/network/invitations/accept?token=…`, from a brand's invitation e-mail: shows who invites,
 * then registers a new distributor/service centre with the invited address (or uses the
 * signed-in one, if signed in with that address as an owner or admin) and accepts.
 * The token is single use: it is sent at most once per page, whatever re-renders or retries.
 */
export function PartnerInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const state = useSession();
  const navigate = useNavigate();
  const preview = usePartnerInvitationPreview(token);
  const accept = useAcceptPartnerInvitation();
  const sent = useRef(false);

  const acceptOnce = async () => {
    if (sent.current) return;
    sent.current = true;
    try {
      await accept.mutateAsync(token);
    } catch {
      sent.current = false; // the server kept the token usable: allow a retry
      return;
    }
    notifySuccess(`You joined ${preview.data?.brandName ?? 'the brand'}’s network.`);
    await navigate('/network', { replace: true });
  };

  const here = `/network/invitations/accept?token=${encodeURIComponent(token)}`;

  if (!token || preview.isError)
    return (
      <AuthLayout title="Partner invitation">
        <InvalidInvitation
          error={token ? preview.error : null}
          onRetry={() => void preview.refetch()}
        />
      </AuthLayout>
    );
  if (preview.isPending) return <LoadingState label="Opening the invitation…" />;

  const invitation = preview.data;
  const typeLabel = humanise(invitation.partnerType);
  const me = state.status === 'authenticated' ? state.me : null;
  // Only an owner or admin signed in with the invited address may accept (the server checks
  // the same); the page says so before anyone presses a button.
  const wrongAddress =
    me !== null && me.user.email.toLowerCase() !== invitation.email.toLowerCase();
  const wrongType = me !== null && me.organization.type !== invitation.partnerType;
  const notAllowed = me !== null && !can(me, 'network.accept_invitation') && !wrongType;

  return (
    <AuthLayout
      title="Partner invitation"
      subtitle={`${invitation.brandName} invites you to join as a ${typeLabel}`}
      footer={
        me ? undefined : (
          <>
            Already have an account?{' '}
            <Anchor component={Link} to={`/login?next=${encodeURIComponent(here)}`}>
              Sign in
            </Anchor>
          </>
        )
      }
    >
      <Text size="sm">
        The invitation was sent to <strong>{invitation.email}</strong>.
      </Text>
      {accept.isError && (
        <Alert
          color="red"
          role="alert"
          title={
            isApiProblem(accept.error) && accept.error.code === 'INVITATION_EMAIL_MISMATCH'
              ? 'Sign in with the invited address'
              : 'Not accepted'
          }
        >
          {accept.error.message}
        </Alert>
      )}
      {me === null ? (
        <Stack gap="sm">
          <Text size="sm">Create your {typeLabel.toLowerCase()} account to accept.</Text>
          <RegisterForm
            fixedType={invitation.partnerType}
            fixedEmail={invitation.email}
            submitLabel="Create account and accept"
            onRegistered={acceptOnce}
          />
        </Stack>
      ) : wrongAddress ? (
        <Stack gap="sm">
          <Alert color="yellow" role="status" title="Signed in with another address">
            You are signed in as {me.user.email}. Only the address the invitation was sent to can
            accept it: sign out, then sign in or register with that address.
          </Alert>
          <Button variant="default" onClick={() => void session.logout()} fullWidth>
            Sign out
          </Button>
        </Stack>
      ) : wrongType ? (
        <Alert color="yellow" role="status" title="Signed in as another kind of organization">
          You are signed in to {me.organization.name} ({humanise(me.organization.type)}). This
          invitation is for a {typeLabel.toLowerCase()}: switch to such an organization, or sign out
          and register one.
        </Alert>
      ) : notAllowed ? (
        <Alert color="yellow" role="status" title="Ask an owner or admin">
          Only an owner or admin of {me.organization.name} can accept this invitation.
        </Alert>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Accept for <strong>{me.organization.name}</strong>?
          </Text>
          <Button
            onClick={() => void acceptOnce()}
            loading={accept.isPending}
            disabled={accept.isSuccess}
            fullWidth
          >
            Accept invitation
          </Button>
        </Stack>
      )}
    </AuthLayout>
  );
}
