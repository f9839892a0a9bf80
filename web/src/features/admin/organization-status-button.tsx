import { Button, Text } from '@mantine/core';
import { openConfirm } from '../../components/confirm';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useSetOrganizationStatus } from './admin.queries';

/** Suspend (or reactivate) one organization, after the administrator confirms. */
export function OrganizationStatusButton({
  organization,
}: {
  organization: { id: string; name: string; status: 'active' | 'suspended' };
}) {
  const setStatus = useSetOrganizationStatus();
  const suspending = organization.status === 'active';
  const action = suspending ? 'suspend' : 'reactivate';
  const confirm = () =>
    openConfirm({
      title: `${suspending ? 'Suspend' : 'Reactivate'} “${organization.name}”?`,
      children: (
        <Text size="sm">
          {suspending
            ? 'Its members are signed out and its API keys stop working until it is reactivated.'
            : 'Its members can sign in again and its API keys work again.'}
        </Text>
      ),
      labels: {
        confirm: suspending ? 'Suspend organization' : 'Reactivate organization',
        cancel: 'Cancel',
      },
      confirmProps: { color: suspending ? 'red' : 'green' },
      onConfirm: () =>
        setStatus.mutate(
          { id: organization.id, action },
          {
            onSuccess: () =>
              notifySuccess(`${organization.name} ${suspending ? 'suspended' : 'reactivated'}`),
            onError: (error) => showSubmitError(null, error),
          },
        ),
    });
  return (
    <Button
      size="xs"
      variant="light"
      color={suspending ? 'red' : 'green'}
      loading={setStatus.isPending}
      onClick={confirm}
      aria-label={`${suspending ? 'Suspend' : 'Reactivate'} ${organization.name}`}
    >
      {suspending ? 'Suspend' : 'Reactivate'}
    </Button>
  );
}
