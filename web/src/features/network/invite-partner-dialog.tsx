import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { AppDialog } from '../../components/app-dialog';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useInvitePartner, type PartnerType } from './network.queries';

export const partnerTypeOptions: { value: PartnerType; label: string }[] = [
  { value: 'distributor', label: 'Distributor' },
  { value: 'service_center', label: 'Service centre' },
];

/** E-mail and partner type, then where the e-mail went; mounted once per opening. */
function InvitePartnerForm({ onDone }: { onDone: () => void }) {
  const invite = useInvitePartner();
  const [sandboxSentTo, setSandboxSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', partnerType: 'distributor' as PartnerType },
    validate: {
      email: (value) =>
        /^\S+@\S+\.\S+$/.test(value.trim()) && value.trim().length <= 254
          ? null
          : 'Enter a valid e-mail',
      partnerType: (value) => (value ? null : 'Choose the partner type'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const created = await invite.mutateAsync({
        email: values.email.trim(),
        partnerType: values.partnerType,
      });
      notifySuccess(`Invitation sent to ${created.email}.`);
      // In sandbox mode no real e-mail leaves: point to the mailbox rather than the raw link.
      if (created.acceptUrl) setSandboxSentTo(created.email);
      else onDone();
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return sandboxSentTo ? (
    <Stack gap="sm">
      <Text size="sm">The invitation to {sandboxSentTo} is on its way.</Text>
      <Alert color="blue" role="status">
        In sandbox mode the e-mail is in the{' '}
        <Anchor component={Link} to="/sandbox/mailbox" onClick={onDone}>
          Sandbox mailbox
        </Anchor>
        .
      </Alert>
      <Group justify="flex-end">
        {/* The focused "Send invitation" is gone: focus moves to what comes next. */}
        <Button onClick={onDone} autoFocus>
          Done
        </Button>
      </Group>
    </Stack>
  ) : (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('email')}
        />
        <Select
          label="Partner type"
          data={partnerTypeOptions}
          allowDeselect={false}
          {...form.getInputProps('partnerType')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A brand invites a distributor or service centre by e-mail; the e-mail carries the link. */
export function InvitePartnerDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <AppDialog opened={opened} onClose={onClose} title="Invite partner">
      <InvitePartnerForm onDone={onClose} />
    </AppDialog>
  );
}
