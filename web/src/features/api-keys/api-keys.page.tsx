import { Badge, Button, Code, Stack, Text } from '@mantine/core';
import { openConfirm } from '../../components/confirm';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState } from '../../components/query-state';
import { formatDateTimeIst, humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useApiKeys, useRevokeApiKey } from './api-keys.queries';
import { CreateApiKeyDialog } from './create-api-key-dialog';

interface KeyRow extends Record<string, unknown> {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: string;
  lastUsedAt: string | null;
  status: 'active' | 'revoked';
}

function RevokeButton({ row }: { row: KeyRow }) {
  const revoke = useRevokeApiKey();
  const confirm = () =>
    openConfirm({
      title: `Revoke “${row.name}”?`,
      children: (
        <Text size="sm">
          Anything using this key stops working at once. This cannot be undone; create a new key if
          you need one again.
        </Text>
      ),
      labels: { confirm: 'Revoke key', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(row.id, {
          onSuccess: () => notifySuccess(`API key “${row.name}” revoked`),
          onError: (error) => showSubmitError(null, error),
        }),
    });
  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      onClick={confirm}
      loading={revoke.isPending}
      aria-label={`Revoke ${row.name}`}
    >
      Revoke
    </Button>
  );
}

const columns: DataTableColumn<KeyRow>[] = [
  { accessor: 'name', title: 'Name', sortable: true },
  { accessor: 'prefix', title: 'Key', render: (row) => <Code>{row.prefix}…</Code> },
  { accessor: 'scope', title: 'Scope', sortable: true, render: (row) => humanise(row.scope) },
  {
    accessor: 'createdAt',
    title: 'Created',
    sortable: true,
    render: (row) => formatDateTimeIst(row.createdAt),
  },
  {
    accessor: 'lastUsedAt',
    title: 'Last used',
    sortable: true,
    render: (row) => (row.lastUsedAt ? formatDateTimeIst(row.lastUsedAt) : 'Never'),
  },
  {
    accessor: 'status',
    title: 'Status',
    sortable: true,
    render: (row) => (
      <Badge color={row.status === 'active' ? 'green' : 'gray'} variant="light">
        {humanise(row.status)}
      </Badge>
    ),
  },
  {
    accessor: 'actions',
    title: 'Actions',
    render: (row) => (row.status === 'active' ? <RevokeButton row={row} /> : null),
  },
];

/** The organization's API keys: create (shown once), see usage, revoke. */
export function ApiKeysPage() {
  const keys = useApiKeys();
  return (
    <Stack gap="md">
      <PageHeader
        title="API keys"
        description="Keys let your own systems call the SpareFlow API on behalf of your organization."
        actions={<CreateApiKeyDialog />}
      />
      <QueryState
        query={keys}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No API keys yet">
            Create one with “Create API key” to connect your ERP or service software.
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable<KeyRow>
            ariaLabel="API keys"
            records={data.items.map((key) => ({
              id: key.id,
              name: key.name,
              prefix: key.prefix,
              scope: key.scope,
              createdAt: key.createdAt,
              lastUsedAt: key.lastUsedAt,
              status: key.revokedAt ? 'revoked' : 'active',
            }))}
            columns={columns}
            filterFields={['name', 'prefix']}
            initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
          />
        )}
      </QueryState>
    </Stack>
  );
}
