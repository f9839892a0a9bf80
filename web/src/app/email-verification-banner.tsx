import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconMailExclamation } from '@tabler/icons-react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { showSubmitError } from '../lib/forms';
import { useMe } from '../session/session-context';

/** Until the address is confirmed: a reminder with a way to get a fresh link. */
export function EmailVerificationBanner() {
  const me = useMe();
  const resend = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/verify-email/resend')),
    onError: (error) => showSubmitError(null, error),
  });
  if (me.user.emailVerified) return null;
  return (
    <Alert color="yellow" variant="light" mb="md" icon={<IconMailExclamation aria-hidden />}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {resend.isSuccess
            ? `A new confirmation link is on its way to ${me.user.email}.`
            : `Please confirm ${me.user.email} with the link we e-mailed you.`}
        </Text>
        {!resend.isSuccess && (
          <Button
            size="xs"
            variant="white"
            loading={resend.isPending}
            onClick={() => resend.mutate()}
          >
            Send the link again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
