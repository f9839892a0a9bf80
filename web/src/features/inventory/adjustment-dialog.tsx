import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { humanise, rupeesToPaise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import type { PickedPart } from '../catalog/part-picker';
import {
  adjustmentReasons,
  useAdjustStock,
  type Adjustment,
  type AdjustmentReason,
} from './inventory.queries';
import { LocationSelect } from './location-select';
import { insufficientStockMessage } from './stock-problems';
import { StockPartField } from './stock-part-field';

interface Values {
  locationId: string | null;
  part: PickedPart | null;
  quantityDelta: number | string;
  reason: AdjustmentReason | null;
  note: string;
  unitCostPaise: string;
}

const reasonOptions = adjustmentReasons.map((reason) => ({
  value: reason,
  label: humanise(reason),
}));

/**
 * "Adjust stock": a signed change with a reason. One Idempotency-Key per opening of the dialog,
 * so a double click or a retry after a lost answer applies the change once.
 */
export function AdjustmentDialog({ locationId }: { locationId?: string | null }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const adjust = useAdjustStock();
  const form = useForm<Values>({
    initialValues: {
      locationId: null,
      part: null,
      quantityDelta: '',
      reason: null,
      note: '',
      unitCostPaise: '',
    },
    validate: {
      locationId: (value) => (value ? null : 'Choose a location'),
      part: (value) => (value ? null : 'Choose a part'),
      quantityDelta: (value) => {
        const delta = Number(value);
        if (value === '' || !Number.isInteger(delta) || delta === 0)
          return 'Enter a whole number other than 0 (negative to remove stock)';
        return Math.abs(delta) > 1_000_000 ? 'At most 10,00,000 at a time' : null;
      },
      reason: (value) => (value ? null : 'Choose a reason'),
      note: (value) => (value.trim().length > 500 ? 'At most 500 characters' : null),
      unitCostPaise: (value, values) => {
        if (!value.trim()) return null;
        if (Number(values.quantityDelta) <= 0) return 'A unit cost is only for stock coming in';
        return rupeesToPaise(value) === null ? 'Enter rupees with at most 2 decimals' : null;
      },
    },
  });

  const openDialog = () => {
    form.setValues({ ...form.values, locationId: locationId ?? null, quantityDelta: '', note: '' });
    form.clearErrors();
    setIdempotencyKey(crypto.randomUUID());
    open();
  };

  const submit = form.onSubmit((values) => {
    const unitCost = values.unitCostPaise.trim() ? rupeesToPaise(values.unitCostPaise) : null;
    const body: Adjustment = {
      locationId: values.locationId ?? '',
      partId: values.part?.id ?? '',
      quantityDelta: Number(values.quantityDelta),
      reason: values.reason ?? 'count_correction',
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
      ...(unitCost !== null ? { unitCostPaise: unitCost } : {}),
    };
    adjust.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (result) => {
          notifySuccess(
            `${values.part?.partNumber ?? 'Stock'} adjusted: ${result.level.onHand} on hand, ${result.level.available} available.`,
          );
          close();
        },
        onError: (error) => {
          if (isApiProblem(error) && error.code === 'INSUFFICIENT_STOCK')
            form.setFieldError('quantityDelta', insufficientStockMessage(error));
          else showSubmitError(form, error);
        },
      },
    );
  });

  const receiving = Number(form.values.quantityDelta) > 0;
  return (
    <>
      <Button leftSection={<IconAdjustments size={16} aria-hidden />} onClick={openDialog}>
        Adjust stock
      </Button>
      <Modal opened={opened} onClose={close} title="Adjust stock">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <LocationSelect
              withAsterisk
              value={form.values.locationId}
              onChange={(id) => form.setFieldValue('locationId', id)}
              error={form.errors.locationId as string | undefined}
            />
            <StockPartField
              withAsterisk
              value={form.values.part}
              onChange={(part) => form.setFieldValue('part', part)}
              error={form.errors.part as string | undefined}
            />
            <NumberInput
              label="Quantity change"
              description="Positive adds stock, negative removes it"
              withAsterisk
              allowDecimal={false}
              {...form.getInputProps('quantityDelta')}
            />
            <Select
              label="Reason"
              withAsterisk
              data={reasonOptions}
              {...form.getInputProps('reason')}
            />
            {receiving && (
              <TextInput
                label="Unit cost (₹)"
                description="Cost of one unit received (optional)"
                inputMode="decimal"
                leftSection="₹"
                {...form.getInputProps('unitCostPaise')}
              />
            )}
            <Textarea label="Note" rows={2} {...form.getInputProps('note')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={adjust.isPending}>
                Apply adjustment
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
