import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useRequestAccess, type DirectoryBrand } from './network.queries';

/** A distributor or service centre asks a brand to join its network, with an optional note. */
export function RequestAccessDialog({
  brand,
  onClose,
}: {
  brand: DirectoryBrand | null;
  onClose: () => void;
}) {
  const request = useRequestAccess();
  const form = useForm({
    initialValues: { message: '' },
    validate: {
      message: (value) =>
        value.trim().length <= 2000 ? null : 'Keep the message under 2,000 characters',
    },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    if (!brand) return;
    const message = values.message.trim();
    try {
      await request.mutateAsync({ brandId: brand.id, ...(message ? { message } : {}) });
      notifySuccess(`Your request was sent to ${brand.name}.`);
      close();
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return (
    <Modal opened={brand !== null} onClose={close} title="Request access">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Ask {brand?.name} to add you to its partner network. Its owners and admins decide.
          </Text>
          <Textarea
            label="Message"
            description="Optional: who you are and where you operate"
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('message')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={request.isPending}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
