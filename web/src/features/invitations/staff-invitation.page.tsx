import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/query-state';
import { humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { session, useSession } from '../../session/session-context';
import { AuthLayout } from '../auth/auth-layout';
import { InvalidInvitation } from './invalid-invitation';
import { useAcceptStaffInvitation, useStaffInvitationPreview } from './invitations.queries';

const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/**
 * `/accept-invitation?token=…`, from a staff invitation e-mail: a new person sets a name and
 * password, an existing account proves itself with its password (the API asks for it even when
 * signed in). Then it signs in to the inviting organization.
 */
export function StaffInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const state = useSession();
  const navigate = useNavigate();
  const preview = useStaffInvitationPreview(token);
  const accept = useAcceptStaffInvitation();
  const sending = useRef(false);
  const existingUser = preview.data?.existingUser ?? false;
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (value) =>
        existingUser || (value.trim() && value.trim().length <= 120) ? null : 'Enter your name',
      password: (value) =>
        existingUser
          ? value
            ? null
            : 'Enter your password'
          : value.length >= 10
            ? null
            : 'Use at least 10 characters',
    },
  });

  if (!token || preview.isError)
    return (
      <AuthLayout title="Team invitation">
        <InvalidInvitation
          error={token ? preview.error : null}
          onRetry={() => void preview.refetch()}
        />
      </AuthLayout>
    );
  if (preview.isPending) return <LoadingState label="Opening the invitation…" />;

  const invitation = preview.data;
  const role = humanise(invitation.role).toLowerCase();

  const submit = form.onSubmit(async (values) => {
    if (sending.current) return;
    sending.current = true;
    let accepted: { organizationId: string } | null = null;
    try {
      accepted = await accept.mutateAsync({
        token,
        password: values.password,
        ...(existingUser ? {} : { name: values.name.trim() }),
      });
    } catch (error) {
      sending.current = false; // a failed acceptance leaves the token usable
      showSubmitError(form, error);
      return;
    }
    try {
      await session.login(invitation.email, values.password, accepted.organizationId);
      notifySuccess(`Welcome to ${invitation.organizationName}.`);
      await navigate('/', { replace: true });
    } catch {
      // The token is used up: never send it again; signing in by hand still works.
      notifySuccess(`You joined ${invitation.organizationName}. Sign in to continue.`);
      await navigate('/login', { replace: true });
    }
  });

  const signedInAs = state.status === 'authenticated' ? state.me.user.email : null;

  return (
    <AuthLayout
      title="Team invitation"
      subtitle={`${invitation.organizationName} invites you as ${withArticle(role)}`}
    >
      <Text size="sm">
        The invitation was sent to <strong>{invitation.email}</strong>.
      </Text>
      {signedInAs && signedInAs.toLowerCase() !== invitation.email.toLowerCase() && (
        <Alert color="yellow" role="status">
          You are signed in as {signedInAs}. Accepting signs you in as {invitation.email}.
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {existingUser ? (
            <Text size="sm">
              You already have a SpareFlow account. Confirm it is you with its password.
            </Text>
          ) : (
            <TextInput
              label="Your name"
              autoComplete="name"
              required
              {...form.getInputProps('name')}
            />
          )}
          <PasswordInput
            label="Password"
            description={existingUser ? undefined : 'At least 10 characters'}
            autoComplete={existingUser ? 'current-password' : 'new-password'}
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            {existingUser ? 'Accept invitation' : 'Create account and accept'}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
