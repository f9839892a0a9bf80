import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { AppDialog } from '../../components/app-dialog';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useRequestAccess, type DirectoryBrand } from './network.queries';

/** The note to the brand, mounted once per opening (a new brand starts a blank note). */
function RequestAccessForm({ brand, onDone }: { brand: DirectoryBrand; onDone: () => void }) {
  const request = useRequestAccess();
  const form = useForm({
    initialValues: { message: '' },
    validate: {
      message: (value) =>
        value.trim().length <= 2000 ? null : 'Keep the message under 2,000 characters',
    },
  });

  const submit = form.onSubmit(async (values) => {
    const message = values.message.trim();
    try {
      await request.mutateAsync({ brandId: brand.id, ...(message ? { message } : {}) });
      notifySuccess(`Your request was sent to ${brand.name}.`);
      onDone();
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Ask {brand.name} to add you to its partner network. Its owners and admins decide.
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
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={request.isPending}>
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A distributor or service centre asks a brand to join its network, with an optional note. */
export function RequestAccessDialog({
  brand,
  onClose,
}: {
  brand: DirectoryBrand | null;
  onClose: () => void;
}) {
  // The brand asked stays named while the dialog fades out.
  const [shown, setShown] = useState(brand);
  if (brand && brand !== shown) setShown(brand);
  return (
    <AppDialog opened={brand !== null} onClose={onClose} title="Request access">
      {shown && <RequestAccessForm brand={shown} onDone={onClose} />}
    </AppDialog>
  );
}
