import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { session } from '../../session/session-store';
import { AuthLayout } from './auth-layout';

/** Opened from the verification e-mail: confirms the address once, then links onwards. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } })),
    // A signed-in person's banner goes away at once.
    onSuccess: () => (session.getState().status === 'authenticated' ? session.loadMe() : undefined),
  });
  const { mutate } = verify;
  // The token works once: never send it twice (StrictMode runs effects twice in development).
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate();
  }, [token, mutate]);

  return (
    <AuthLayout
      title="Confirm your e-mail"
      footer={
        <Anchor component={Link} to="/">
          Go to SpareFlow
        </Anchor>
      }
    >
      {!token || verify.isError ? (
        <Alert color="red" role="alert">
          This confirmation link is invalid, already used or expired. Sign in and ask for a new one.
        </Alert>
      ) : verify.isSuccess ? (
        <Alert color="green" role="status">
          Thank you — your e-mail address is confirmed.
        </Alert>
      ) : (
        <Stack align="center" role="status">
          <Loader size="sm" />
          <Text size="sm">Confirming…</Text>
        </Stack>
      )}
    </AuthLayout>
  );
}
