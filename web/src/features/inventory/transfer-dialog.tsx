import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useCreateTransfer } from './inventory.queries';
import { LocationSelect } from './location-select';
import { PartLines, linesProblem, type PartLine } from './part-lines';
import { insufficientStockMessage } from './stock-problems';

type Errors = Partial<Record<'from' | 'to' | 'lines', string>>;

/** The fields of "New transfer", mounted once per opening: every opening starts blank. */
function TransferForm({ onDone }: { onDone: () => void }) {
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [lines, setLines] = useState<PartLine[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const create = useCreateTransfer();

  const submit = () => {
    const found: Errors = {
      from: from ? undefined : 'Choose where the stock leaves from',
      to: !to ? 'Choose where it goes' : to === from ? 'Choose another location' : undefined,
      lines: linesProblem(lines, 1) ?? undefined,
    };
    setErrors(found);
    if (found.from || found.to || found.lines || !from || !to) return;
    create.mutate(
      {
        fromLocationId: from,
        toLocationId: to,
        lines: lines.map((line) => ({ partId: line.part.id, quantity: Number(line.quantity) })),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess('The transfer is on its way; receive it at the destination.');
          onDone();
        },
        onError: (error) =>
          isApiProblem(error) && error.code === 'INSUFFICIENT_STOCK'
            ? setErrors({
                lines: insufficientStockMessage(error, (line) => lines[line]?.part.partNumber),
              })
            : showSubmitError(null, error),
      },
    );
  };

  return (
    <Stack gap="sm">
      <LocationSelect
        label="From"
        withAsterisk
        value={from}
        onChange={setFrom}
        error={errors.from}
      />
      <LocationSelect
        label="To"
        withAsterisk
        value={to}
        onChange={setTo}
        error={errors.to}
        excludeId={from}
      />
      <PartLines
        lines={lines}
        onChange={setLines}
        quantityLabel="Quantity"
        min={1}
        error={errors.lines}
      />
      <Textarea
        label="Note"
        rows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={create.isPending}>
          Send transfer
        </Button>
      </Group>
    </Stack>
  );
}

/** "New transfer": send stock from one own location to another (in transit until received). */
export function TransferDialog() {
  const dialog = useDialogOpening();
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconTruckDelivery size={16} aria-hidden />}
        onClick={dialog.open}
      >
        New transfer
      </Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title="New transfer"
        size="lg"
      >
        <TransferForm onDone={dialog.close} />
      </AppDialog>
    </>
  );
}
