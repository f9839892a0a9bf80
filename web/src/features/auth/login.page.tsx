import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiProblem } from '../../api/problem';
import { session, useSession } from '../../session/session-context';
import { AuthLayout } from './auth-layout';
import { safeNext } from './safe-next';

export function LoginPage() {
  const state = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(location.search);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter your e-mail address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  if (state.status === 'authenticated') return <Navigate to={next} replace />;

  const submit = form.onSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await session.login(email.trim(), password);
      await navigate(next, { replace: true });
    } catch (error) {
      if (isApiProblem(error) && error.code === 'INVALID_CREDENTIALS') {
        setFailure('That e-mail and password do not match an account.');
      } else {
        setFailure(error instanceof Error ? error.message : 'Could not sign in.');
      }
    }
  });

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Spare parts, stock and shipments for your organization."
      footer={
        <>
          New to SpareFlow?{' '}
          <Anchor component={Link} to={`/register${location.search}`}>
            Register your organization
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
