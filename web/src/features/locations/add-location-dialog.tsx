import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { LocationForm } from './location-form';

/** The "Add location" button and its dialog. */
export function AddLocationDialog() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
        Add location
      </Button>
      <Modal opened={opened} onClose={close} title="Add location" size="lg">
        <LocationForm onSaved={close} />
      </Modal>
    </>
  );
}
