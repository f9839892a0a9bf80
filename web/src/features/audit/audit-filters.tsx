import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { AuditFilters } from './audit.queries';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar day in IST → the first or last instant of that day, as the API's ISO 8601. */
function istBoundary(day: string, end: boolean): string {
  return `${day}T${end ? '23:59:59.999' : '00:00:00.000'}+05:30`;
}

/** The filters GET /api/v1/audit-log supports; applied on "Apply", not on every keystroke. */
export function AuditFiltersForm({
  onApply,
  showOrganization,
}: {
  onApply: (filters: AuditFilters) => void;
  showOrganization: boolean;
}) {
  const form = useForm({
    initialValues: {
      action: '',
      entityType: '',
      entityId: '',
      from: '',
      to: '',
      organizationId: '',
    },
    validate: {
      to: (value, values) =>
        value && values.from && value < values.from ? 'The end is before the start' : null,
      organizationId: (value) =>
        !value.trim() || uuidShape.test(value.trim()) ? null : 'Paste an organization id',
    },
  });

  const apply = form.onSubmit((values) => {
    const filters: AuditFilters = {};
    if (values.action.trim()) filters.action = values.action.trim();
    if (values.entityType.trim()) filters.entityType = values.entityType.trim();
    if (values.entityId.trim()) filters.entityId = values.entityId.trim();
    if (values.from) filters.from = istBoundary(values.from, false);
    if (values.to) filters.to = istBoundary(values.to, true);
    if (showOrganization && values.organizationId.trim())
      filters.organizationId = values.organizationId.trim();
    onApply(filters);
  });

  return (
    <form onSubmit={apply} noValidate aria-label="Audit log filters">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput
          label="Action"
          placeholder="e.g. api_key.revoked"
          maxLength={200}
          {...form.getInputProps('action')}
        />
        <TextInput
          label="Target type"
          placeholder="e.g. location"
          maxLength={200}
          {...form.getInputProps('entityType')}
        />
        <TextInput label="Target id" maxLength={200} {...form.getInputProps('entityId')} />
        <TextInput label="From (IST)" type="date" {...form.getInputProps('from')} />
        <TextInput label="To (IST)" type="date" {...form.getInputProps('to')} />
        {showOrganization && (
          <TextInput
            label="Organization id"
            description="Empty: all organizations"
            {...form.getInputProps('organizationId')}
          />
        )}
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
