import { Button, Group, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatPaise, paiseToRupeesInput, rupeesToPaise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useSetLowBalanceThreshold } from './wallet.queries';

/**
 * The low-balance alert, in rupees as people type them ("1,000", "₹500"): SpareFlow raises it
 * once when available money falls from above this amount to at or below it. Mounted with the
 * saved value (`key` on the caller), so an unsaved edit does not come back.
 */
export function LowBalanceForm({ thresholdPaise }: { thresholdPaise: number }) {
  const save = useSetLowBalanceThreshold();
  const form = useForm({
    initialValues: { amount: paiseToRupeesInput(thresholdPaise) },
    validate: {
      amount: (value) =>
        rupeesToPaise(value) === null ? 'Enter an amount in rupees, e.g. 1,000 or 500.50' : null,
    },
  });
  const submit = form.onSubmit((values) => {
    const paise = rupeesToPaise(values.amount);
    if (paise === null) return;
    save.mutate(paise, {
      onSuccess: (wallet) =>
        notifySuccess(
          `You will be alerted when available money falls to ${formatPaise(wallet.lowBalanceThresholdPaise)}.`,
        ),
      onError: (error) => showSubmitError(form, error),
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Low-balance alert">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Alert me when available money falls to (₹)"
          inputMode="decimal"
          w={{ base: '100%', xs: 280 }}
          {...form.getInputProps('amount')}
        />
        <Button type="submit" loading={save.isPending}>
          Save alert
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        One alert each time available money slides below it; top up to re-arm it.
      </Text>
    </form>
  );
}
