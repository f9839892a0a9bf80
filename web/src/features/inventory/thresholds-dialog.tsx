import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { AppDialog } from '../../components/app-dialog';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useSetThresholds, type StockLevel } from './inventory.queries';

type Value = number | string;
interface Values {
  minQuantity: Value;
  maxQuantity: Value;
  reorderPoint: Value;
}

const asValue = (value: number | null): Value => value ?? '';
const asCount = (value: Value): number | null => (value === '' ? null : Number(value));
const count = (value: Value) =>
  value === '' || (Number.isInteger(Number(value)) && Number(value) >= 0)
    ? Number(value) > 10_000_000
      ? 'At most 1,00,00,000'
      : null
    : 'Enter a whole number, 0 or more (or leave empty)';

/** The level's thresholds as saved, mounted once per opening (unsaved edits do not come back). */
function ThresholdsForm({
  level,
  locationName,
  onClose,
}: {
  level: StockLevel;
  locationName: string;
  onClose: () => void;
}) {
  const save = useSetThresholds();
  const form = useForm<Values>({
    initialValues: {
      minQuantity: asValue(level.minQuantity),
      maxQuantity: asValue(level.maxQuantity),
      reorderPoint: asValue(level.reorderPoint),
    },
    validate: {
      minQuantity: count,
      reorderPoint: count,
      maxQuantity: (value, values) =>
        count(value) ??
        (value !== '' && values.minQuantity !== '' && Number(value) < Number(values.minQuantity)
          ? 'The maximum cannot be below the minimum'
          : null),
    },
  });

  const submit = form.onSubmit((values) => {
    save.mutate(
      {
        locationId: level.locationId,
        partId: level.partId,
        body: {
          minQuantity: asCount(values.minQuantity),
          maxQuantity: asCount(values.maxQuantity),
          reorderPoint: asCount(values.reorderPoint),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(`Thresholds of ${level.partNumber} at ${locationName} were saved.`);
          onClose();
        },
        onError: (error) => showSubmitError(form, error),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {level.partNumber} — {level.partName} at {locationName}
        </Text>
        <NumberInput
          label="Minimum"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('minQuantity')}
        />
        <NumberInput
          label="Reorder point"
          description="Low stock when available falls to this"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('reorderPoint')}
        />
        <NumberInput
          label="Maximum"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('maxQuantity')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save thresholds
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Min / max / reorder point of one level; an empty field clears that threshold. */
export function ThresholdsDialog({
  level,
  locationName,
  onClose,
}: {
  level: StockLevel | null;
  locationName: string;
  onClose: () => void;
}) {
  // The last level opened stays drawn while the dialog fades out.
  const [shown, setShown] = useState({ level, locationName });
  if (level && level !== shown.level) setShown({ level, locationName });
  return (
    <AppDialog opened={level !== null} onClose={onClose} title="Stock thresholds">
      {shown.level && (
        <ThresholdsForm level={shown.level} locationName={shown.locationName} onClose={onClose} />
      )}
    </AppDialog>
  );
}
