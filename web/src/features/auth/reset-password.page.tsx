import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { isApiProblem, unwrap } from '../../api/problem';
import { showSubmitError } from '../../lib/forms';
import { AuthLayout } from './auth-layout';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [invalid, setInvalid] = useState(!token);
  const form = useForm({
    initialValues: { newPassword: '', confirm: '' },
    validate: {
      newPassword: (value) => (value.length >= 10 ? null : 'Use at least 10 characters'),
      confirm: (value, values) => (value === values.newPassword ? null : 'The passwords differ'),
    },
  });
  const submit = form.onSubmit(async ({ newPassword }) => {
    try {
      await unwrap(
        api.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword } }),
      );
      setDone(true);
    } catch (error) {
      if (isApiProblem(error) && error.code === 'TOKEN_INVALID') setInvalid(true);
      else showSubmitError(form, error);
    }
  });
  return (
    <AuthLayout
      title="Choose a new password"
      footer={
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      }
    >
      {done ? (
        <Alert color="green" role="status">
          Your password is changed and every session was signed out.{' '}
          <Anchor component={Link} to="/login">
            Sign in
          </Anchor>{' '}
          with the new one.
        </Alert>
      ) : invalid ? (
        <Alert color="red" role="alert">
          This reset link is invalid or has expired.{' '}
          <Anchor component={Link} to="/forgot-password">
            Ask for a new one
          </Anchor>
          .
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label="New password"
              description="At least 10 characters"
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" loading={form.submitting}>
              Set password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
