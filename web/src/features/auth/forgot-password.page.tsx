import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { showSubmitError } from '../../lib/forms';
import { AuthLayout } from './auth-layout';

export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter your e-mail address'),
    },
  });
  const submit = form.onSubmit(async ({ email }) => {
    try {
      await unwrap(
        api.POST('/api/v1/auth/password-reset/request', { body: { email: email.trim() } }),
      );
      setSentTo(email.trim());
    } catch (error) {
      showSubmitError(form, error);
    }
  });
  return (
    <AuthLayout
      title="Reset your password"
      subtitle="We e-mail you a link that works once, for 30 minutes."
      footer={
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      }
    >
      {sentTo ? (
        <Alert color="green" role="status">
          If {sentTo} has a SpareFlow account, a reset link is on its way.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label="E-mail" type="email" required {...form.getInputProps('email')} />
            <Button type="submit" loading={form.submitting}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
