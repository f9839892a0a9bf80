import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AppDialog } from '../../components/app-dialog';
import { humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { memberRoles, useInviteStaff, type MemberRole } from './team.queries';

/** E-mail and role, mounted once per opening of the dialog: every opening starts blank. */
function InviteStaffForm({
  canInviteOwners,
  onDone,
}: {
  canInviteOwners: boolean;
  onDone: () => void;
}) {
  const invite = useInviteStaff();
  const form = useForm({
    initialValues: { email: '', role: 'operator' as MemberRole },
    validate: {
      email: (value) =>
        /^\S+@\S+\.\S+$/.test(value.trim()) && value.trim().length <= 254
          ? null
          : 'Enter a valid e-mail',
      role: (value) => (value ? null : 'Choose a role'),
    },
  });
  const roles = memberRoles
    .filter((role) => canInviteOwners || role !== 'owner')
    .map((role) => ({ value: role, label: humanise(role) }));

  const submit = form.onSubmit(async (values) => {
    try {
      const created = await invite.mutateAsync({ email: values.email.trim(), role: values.role });
      notifySuccess(`Invitation sent to ${created.email}.`);
      onDone();
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="E-mail"
          type="email"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <Select
          label="Role"
          data={roles}
          allowDeselect={false}
          required
          {...form.getInputProps('role')}
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

/** Invites a person by e-mail with a role (only owners may invite owners; the server decides). */
export function InviteStaffDialog({
  opened,
  onClose,
  canInviteOwners,
}: {
  opened: boolean;
  onClose: () => void;
  canInviteOwners: boolean;
}) {
  return (
    <AppDialog opened={opened} onClose={onClose} title="Invite staff">
      <InviteStaffForm canInviteOwners={canInviteOwners} onDone={onClose} />
    </AppDialog>
  );
}
