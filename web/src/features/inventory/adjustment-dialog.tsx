import { Button } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import type { PickedPart } from '../catalog/part-picker';
import { AdjustmentForm } from './adjustment-form';

/**
 * "Adjust stock": a signed change with a reason. Every opening starts blank but for the context
 * it was opened from (the location or part on screen), with a new Idempotency-Key.
 */
export function AdjustmentDialog({
  locationId,
  part,
}: {
  locationId?: string | null;
  part?: PickedPart | null;
}) {
  const dialog = useDialogOpening();
  return (
    <>
      <Button leftSection={<IconAdjustments size={16} aria-hidden />} onClick={dialog.open}>
        Adjust stock
      </Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title="Adjust stock"
      >
        <AdjustmentForm
          locationId={locationId}
          part={part}
          idempotencyKey={dialog.openingId}
          onDone={dialog.close}
        />
      </AppDialog>
    </>
  );
}
