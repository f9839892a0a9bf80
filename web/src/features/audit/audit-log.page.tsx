import { Button, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state';
import { formatDateTimeIst } from '../../lib/format';
import { actorLabel } from '../../lib/record-actor';
import { useMe } from '../../session/session-context';
import { AuditDetails } from './audit-details';
import { AuditFiltersForm } from './audit-filters';
import {
  useAuditLog,
  useAuditOrganizations,
  type AuditEntry,
  type AuditFilters,
} from './audit.queries';

interface AuditRow extends Record<string, unknown> {
  id: number;
  occurredAt: string;
  actor: string;
  action: string;
  target: string;
  entry: AuditEntry;
}

/** One target to follow: "everything about RF-1234 at Pune Central". */
interface TargetFilter {
  entityType: string;
  entityId: string;
  label: string;
}

const short = (id: string) => `${id.slice(0, 8)}…`;

/** "Stock line RF-1234 at Pune Central"; a target nobody labels keeps its type and a short id. */
function targetText(entry: AuditEntry): string {
  const { typeLabel, label, id } = entry.target;
  return `${typeLabel} ${label ?? short(id)}`;
}

function columns(
  organizationNames: Map<string, string> | undefined,
  follow: (target: TargetFilter) => void,
): DataTableColumn<AuditRow>[] {
  return [
    {
      accessor: 'occurredAt',
      title: 'Time (IST)',
      sortable: true,
      render: (row) => formatDateTimeIst(row.occurredAt),
    },
    { accessor: 'actor', title: 'Who', sortable: true },
    { accessor: 'action', title: 'What happened', sortable: true },
    {
      accessor: 'target',
      title: 'About',
      sortable: true,
      render: (row) => {
        const { target } = row.entry;
        return (
          <Stack gap={0} align="flex-start">
            <Text size="xs" c="dimmed">
              {target.typeLabel}
            </Text>
            <Text size="sm">{target.label ?? short(target.id)}</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`Only this: entries about ${row.target}`}
              onClick={() =>
                follow({ entityType: target.type, entityId: target.id, label: row.target })
              }
            >
              Only this
            </Button>
          </Stack>
        );
      },
    },
    ...(organizationNames
      ? [
          {
            accessor: 'organization',
            title: 'Organisation',
            render: (row: AuditRow) => {
              const id = row.entry.organizationId;
              return id ? (organizationNames.get(id) ?? short(id)) : 'SpareFlow';
            },
          },
        ]
      : []),
    { accessor: 'details', title: 'Details', render: (row) => <AuditDetails entry={row.entry} /> },
  ];
}

/** Who did what, when: the organization's audit log (platform administrators see every one). */
export function AuditLogPage() {
  const me = useMe();
  const isPlatform = me.organization.type === 'platform';
  const [filters, setFilters] = useState<AuditFilters>({});
  const [target, setTarget] = useState<TargetFilter | null>(null);
  const query: AuditFilters = target
    ? { ...filters, entityType: target.entityType, entityId: target.entityId }
    : filters;
  const log = useAuditLog(query);
  const organizations = useAuditOrganizations(isPlatform);
  const organizationNames = isPlatform
    ? new Map((organizations.data?.items ?? []).map((o) => [o.id, o.name]))
    : undefined;

  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const rows: AuditRow[] = entries.map((entry) => ({
    id: entry.position,
    occurredAt: entry.occurredAt,
    actor: actorLabel(entry.actor),
    action: entry.actionLabel,
    target: targetText(entry),
    entry,
  }));
  const filtered = Object.keys(query).length > 0;

  return (
    <Stack gap="md">
      <PageHeader
        title="Audit log"
        description={
          isPlatform
            ? 'Changes across every organisation on SpareFlow, newest first.'
            : 'Changes made in your organisation, newest first.'
        }
      />
      <Paper withBorder p="md" radius="md">
        <AuditFiltersForm onApply={setFilters} showOrganization={isPlatform} />
      </Paper>
      {target && (
        <Group gap="xs">
          <Text size="sm">
            Only entries about <strong>{target.label}</strong>
          </Text>
          <CloseButton
            size="sm"
            aria-label={`Show entries about anything, not only ${target.label}`}
            onClick={() => setTarget(null)}
          />
        </Group>
      )}
      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? 'No entries match the filters' : 'Nothing recorded yet'}>
          {filtered
            ? 'Widen the date range or clear the filters.'
            : 'Changes such as new locations, invitations and API keys are recorded here.'}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <DataTable<AuditRow>
            ariaLabel="Audit log"
            records={rows}
            columns={columns(organizationNames, setTarget)}
            filterFields={['actor', 'action', 'target']}
            filterLabel="Filter loaded entries"
            initialSort={{ columnAccessor: 'occurredAt', direction: 'desc' }}
          />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {rows.length} {rows.length === 1 ? 'entry' : 'entries'} loaded
              {log.hasNextPage ? '; older ones exist' : ''}.
            </Text>
            {log.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
