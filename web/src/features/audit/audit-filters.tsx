import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { can } from '../../session/capabilities';
import { useMe } from '../../session/session-context';
import {
  useAuditApiKeys,
  useAuditMembers,
  useAuditOrganizations,
  useAuditVocabulary,
  type AuditFilters,
  type AuditVocabulary,
} from './audit.queries';

/** A calendar day in IST → the first or last instant of that day, as the API's ISO 8601. */
function istBoundary(day: string, end: boolean): string {
  return `${day}T${end ? '23:59:59.999' : '00:00:00.000'}+05:30`;
}

/** The actions, grouped under the kind of thing they change ("Part", "Stock line"…). */
function actionOptions(vocabulary: AuditVocabulary | undefined) {
  if (!vocabulary) return [];
  const typeLabels = new Map(vocabulary.entityTypes.map((type) => [type.type, type.label]));
  const groups = new Map<string, Array<{ value: string; label: string }>>();
  for (const action of vocabulary.actions) {
    const group = action.entityType
      ? (typeLabels.get(action.entityType) ?? 'Other')
      : 'Reservations';
    groups.set(group, [
      ...(groups.get(group) ?? []),
      { value: action.action, label: action.label },
    ]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/**
 * The filters of the audit log in words: what happened (the server's labelled actions), what it
 * was about, who did it (members and API keys by name) and when (IST days). Applied on "Apply",
 * not on every change. The API's codes and ids travel in the query, never in the form.
 */
export function AuditFiltersForm({
  onApply,
  showOrganization,
}: {
  onApply: (filters: AuditFilters) => void;
  showOrganization: boolean;
}) {
  const me = useMe();
  const vocabulary = useAuditVocabulary();
  // A platform administrator's own team are the people their filter can name.
  const members = useAuditMembers();
  const keys = useAuditApiKeys(can(me, 'api_keys.manage'));
  const organizations = useAuditOrganizations(showOrganization);
  const form = useForm({
    initialValues: { action: '', entityType: '', who: '', from: '', to: '', organizationId: '' },
    validate: {
      to: (value, values) =>
        value && values.from && value < values.from ? 'The end is before the start' : null,
    },
  });

  const people = [
    {
      group: 'Members',
      items: (members.data?.items ?? []).map((member) => ({
        value: `user:${member.userId}`,
        label: member.name,
      })),
    },
    {
      group: 'API keys',
      items: (keys.data?.items ?? []).map((key) => ({ value: `key:${key.id}`, label: key.name })),
    },
  ].filter((group) => group.items.length > 0);

  const apply = form.onSubmit((values) => {
    const filters: AuditFilters = {};
    if (values.action) filters.action = values.action;
    if (values.entityType) filters.entityType = values.entityType;
    if (values.who.startsWith('user:')) filters.actorUserId = values.who.slice('user:'.length);
    if (values.who.startsWith('key:')) filters.actorApiKeyId = values.who.slice('key:'.length);
    if (values.from) filters.from = istBoundary(values.from, false);
    if (values.to) filters.to = istBoundary(values.to, true);
    if (showOrganization && values.organizationId) filters.organizationId = values.organizationId;
    onApply(filters);
  });

  const select = (field: 'action' | 'entityType' | 'who' | 'organizationId') => {
    const props = form.getInputProps(field);
    return {
      ...props,
      value: (props.value as string) || null,
      onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
      searchable: true,
      clearable: true,
      nothingFoundMessage: 'Nothing matches',
    };
  };

  return (
    <form onSubmit={apply} noValidate aria-label="Audit log filters">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Select
          label="What happened"
          placeholder="Any action"
          data={actionOptions(vocabulary.data)}
          {...select('action')}
        />
        <Select
          label="About"
          placeholder="Anything"
          data={(vocabulary.data?.entityTypes ?? []).map((type) => ({
            value: type.type,
            label: type.label,
          }))}
          {...select('entityType')}
        />
        <Select label="Who" placeholder="Anyone" data={people} {...select('who')} />
        <TextInput label="From (IST)" type="date" {...form.getInputProps('from')} />
        <TextInput label="To (IST)" type="date" {...form.getInputProps('to')} />
        {showOrganization && (
          <Select
            label="Organisation"
            placeholder="All organisations"
            data={(organizations.data?.items ?? []).map((organization) => ({
              value: organization.id,
              label: organization.name,
            }))}
            {...select('organizationId')}
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
