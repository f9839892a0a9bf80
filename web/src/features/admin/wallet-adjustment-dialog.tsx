import { Button } from '@mantine/core';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { WalletAdjustmentForm } from './wallet-adjustment-form';

/**
 * "Adjust a wallet": a manual credit or debit with a reason. Every opening starts blank, with a
 * new Idempotency-Key (a double submit posts once).
 */
export function WalletAdjustmentDialog() {
  const dialog = useDialogOpening();
  return (
    <>
      <Button onClick={dialog.open}>Adjust a wallet</Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title="Adjust a wallet"
      >
        <WalletAdjustmentForm idempotencyKey={dialog.openingId} onDone={dialog.close} />
      </AppDialog>
    </>
  );
}
