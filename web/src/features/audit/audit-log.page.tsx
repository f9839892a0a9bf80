import { Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state';
import { formatDateTimeIst } from '../../lib/format';
import { useMe } from '../../session/session-context';
import { AuditDetails } from './audit-details';
import { AuditFiltersForm } from './audit-filters';
import { useAuditLog, useMemberNames, type AuditEntry, type AuditFilters } from './audit.queries';

interface AuditRow extends Record<string, unknown> {
  id: number;
  occurredAt: string;
  actor: string;
  action: string;
  target: string;
  entry: AuditEntry;
}

const short = (id: string) => `${id.slice(0, 8)}…`;

function actorOf(entry: AuditEntry, names: Map<string, string> | undefined): string {
  const { userId, apiKeyId } = entry.actor;
  if (userId) return names?.get(userId) ?? `User ${short(userId)}`;
  if (apiKeyId) return `API key ${short(apiKeyId)}`;
  return 'SpareFlow';
}

function columns(showOrganization: boolean): DataTableColumn<AuditRow>[] {
  return [
    {
      accessor: 'occurredAt',
      title: 'Time (IST)',
      sortable: true,
      render: (row) => formatDateTimeIst(row.occurredAt),
    },
    { accessor: 'actor', title: 'Actor', sortable: true },
    {
      accessor: 'action',
      title: 'Action',
      sortable: true,
      render: (row) => <Code>{row.action}</Code>,
    },
    { accessor: 'target', title: 'Target', sortable: true },
    ...(showOrganization
      ? [
          {
            accessor: 'organization',
            title: 'Organization',
            render: (row: AuditRow) =>
              row.entry.organizationId ? short(row.entry.organizationId) : '—',
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
  const log = useAuditLog(filters);
  const names = useMemberNames();

  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const rows: AuditRow[] = entries.map((entry) => ({
    id: entry.position,
    occurredAt: entry.occurredAt,
    actor: actorOf(entry, names.data),
    action: entry.action,
    target: `${entry.entityType} ${short(entry.entityId)}`,
    entry,
  }));
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="md">
      <PageHeader
        title="Audit log"
        description={
          isPlatform
            ? 'Changes across every organization on SpareFlow, newest first.'
            : 'Changes made in your organization, newest first.'
        }
      />
      <Paper withBorder p="md" radius="md">
        <AuditFiltersForm onApply={setFilters} showOrganization={isPlatform} />
      </Paper>
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
            columns={columns(isPlatform)}
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
