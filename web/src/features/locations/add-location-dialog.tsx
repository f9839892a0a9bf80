import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { LocationForm } from './location-form';

/** The "Add location" button and its dialog; the form opens blank every time. */
export function AddLocationDialog() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
        Add location
      </Button>
      <Modal opened={opened} onClose={close} title="Add location" size="lg">
        {/* Mounted only while open: a new form, never the previous entry. */}
        {opened && <LocationForm onSaved={close} />}
      </Modal>
    </>
  );
}
