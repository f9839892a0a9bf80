import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatPaise, rupeesToPaise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useOrganizations } from './admin.queries';
import { useAdjustWallet } from './ledger.queries';

/**
 * A manual credit or debit of an organization's wallet. The reason is required: the organization
 * reads it on its statement ("Manual credit by SpareFlow: …") and in its audit log.
 */
export function WalletAdjustmentForm({
  idempotencyKey,
  onDone,
}: {
  idempotencyKey: string;
  onDone: () => void;
}) {
  const organizations = useOrganizations({});
  const adjust = useAdjustWallet();
  const form = useForm({
    initialValues: { organizationId: '', direction: 'credit', amount: '', reason: '' },
    validate: {
      organizationId: (value) => (value ? null : 'Choose the organization'),
      amount: (value) => {
        const paise = rupeesToPaise(value);
        return paise === null || paise <= 0 ? 'Enter an amount in rupees, e.g. 1,500' : null;
      },
      reason: (value) =>
        value.trim().length >= 3 ? null : 'Say why: the organization reads it on its statement',
    },
  });
  const submit = form.onSubmit((values) => {
    const amountPaise = rupeesToPaise(values.amount);
    if (amountPaise === null) return;
    adjust.mutate(
      {
        organizationId: values.organizationId,
        idempotencyKey,
        body: {
          direction: values.direction === 'debit' ? 'debit' : 'credit',
          amountPaise,
          reason: values.reason.trim(),
        },
      },
      {
        onSuccess: (result) => {
          notifySuccess(`${result.description}. Balance now ${formatPaise(result.balancePaise)}.`);
          onDone();
        },
        onError: (error) => showSubmitError(form, error),
      },
    );
  });
  const organization = form.getInputProps('organizationId');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label="Organization"
          placeholder="Choose"
          searchable
          nothingFoundMessage="Nothing matches"
          data={(organizations.data?.items ?? []).map((item) => ({
            value: item.id,
            label: item.name,
          }))}
          {...organization}
          value={(organization.value as string) || null}
          onChange={(value) => form.setFieldValue('organizationId', value ?? '')}
        />
        <Select
          label="Direction"
          allowDeselect={false}
          data={[
            { value: 'credit', label: 'Credit (add money)' },
            { value: 'debit', label: 'Debit (take money)' },
          ]}
          {...form.getInputProps('direction')}
        />
        <TextInput label="Amount (₹)" inputMode="decimal" {...form.getInputProps('amount')} />
        <Textarea label="Reason" autosize minRows={2} {...form.getInputProps('reason')} />
        <Text size="xs" c="dimmed">
          Recorded in the organization&apos;s audit log and shown on its statement.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={adjust.isPending}>
            Post adjustment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
