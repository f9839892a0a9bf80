import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
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
 * The fields of "Adjust stock", mounted once per opening of the dialog: blank but for the
 * context it was opened from (a location, a part). `idempotencyKey` is the opening's, so a
 * double click or a retry after a lost answer applies the change once.
 */
export function AdjustmentForm({
  locationId,
  part,
  idempotencyKey,
  onDone,
}: {
  locationId?: string | null;
  part?: PickedPart | null;
  idempotencyKey: string;
  onDone: () => void;
}) {
  const adjust = useAdjustStock();
  const form = useForm<Values>({
    initialValues: {
      locationId: locationId ?? null,
      part: part ?? null,
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
          onDone();
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
          onChange={(picked) => form.setFieldValue('part', picked)}
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
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={adjust.isPending}>
            Apply adjustment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
