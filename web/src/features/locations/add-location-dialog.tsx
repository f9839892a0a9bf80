import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { LocationForm } from './location-form';

/** The "Add location" button and its dialog (a blank form at every opening). */
export function AddLocationDialog() {
  const dialog = useDialogOpening();
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={dialog.open}>
        Add location
      </Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title="Add location"
        size="lg"
      >
        <LocationForm onSaved={dialog.close} />
      </AppDialog>
    </>
  );
}
