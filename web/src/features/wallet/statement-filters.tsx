import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { statementTypeLabels, type StatementType, type WalletFilters } from './wallet.queries';

/** A calendar day in IST → the first or last instant of that day, as the API's ISO 8601. */
function istBoundary(day: string, end: boolean): string {
  return `${day}T${end ? '23:59:59.999' : '00:00:00.000'}+05:30`;
}

/** The statement's filters in words: the type of line and IST days. Applied on "Apply". */
export function StatementFilters({ onApply }: { onApply: (filters: WalletFilters) => void }) {
  const form = useForm({
    initialValues: { type: '', from: '', to: '' },
    validate: {
      to: (value, values) =>
        value && values.from && value < values.from ? 'The end is before the start' : null,
    },
  });
  const apply = form.onSubmit((values) => {
    const filters: WalletFilters = {};
    if (values.type) filters.type = values.type as StatementType;
    if (values.from) filters.from = istBoundary(values.from, false);
    if (values.to) filters.to = istBoundary(values.to, true);
    onApply(filters);
  });
  const type = form.getInputProps('type');
  return (
    <form onSubmit={apply} noValidate aria-label="Statement filters">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label="Type"
          placeholder="Any type"
          clearable
          data={Object.entries(statementTypeLabels).map(([value, label]) => ({ value, label }))}
          {...type}
          value={(type.value as string) || null}
          onChange={(value) => form.setFieldValue('type', value ?? '')}
        />
        <TextInput label="From (IST)" type="date" {...form.getInputProps('from')} />
        <TextInput label="To (IST)" type="date" {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="default"
          onClick={() => {
            form.reset();
            onApply({});
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
