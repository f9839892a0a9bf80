import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state';
import { formatDateTimeIst, formatPaise } from '../../lib/format';
import { showSubmitError } from '../../lib/forms';
import { can } from '../../session/capabilities';
import { useMe } from '../../session/session-context';
import { downloadFile } from '../imports/authorised-http';
import { InvoiceList } from '../invoices/invoice-list';
import { LowBalanceForm } from './low-balance-form';
import { TopUpButton } from './top-up-button';
import { StatementFilters } from './statement-filters';
import { WalletTiles } from './wallet-tiles';
import {
  exportPath,
  statementTypeLabels,
  useWallet,
  useWalletStatement,
  type StatementLine,
  type WalletFilters,
} from './wallet.queries';

interface StatementRow extends Record<string, unknown> {
  id: number;
  createdAt: string;
  type: string;
  description: string;
  amount: number;
  balanceAfter: number;
  reference: string;
}

const columns: DataTableColumn<StatementRow>[] = [
  {
    accessor: 'description',
    title: 'What',
    render: (row) => (
      <Stack gap={0}>
        <Text size="sm">{row.description}</Text>
        <Text size="xs" c="dimmed">
          {row.type} · {row.reference}
        </Text>
      </Stack>
    ),
  },
  {
    accessor: 'createdAt',
    title: 'When (IST)',
    render: (row) => formatDateTimeIst(row.createdAt),
  },
  {
    accessor: 'amount',
    title: 'Amount',
    textAlign: 'right',
    // The colours without a shade are the theme's text colours (app/theme.ts), AA on white,
    // striped and hovered rows; Mantine's green 9 is 4.1:1 on a striped row. The sign says it too.
    render: (row) => (
      <Text size="sm" c={row.amount < 0 ? 'red' : 'green'} fw={600}>
        {row.amount < 0 ? '−' : '+'}
        {formatPaise(Math.abs(row.amount))}
      </Text>
    ),
  },
  {
    accessor: 'balanceAfter',
    title: 'Balance after',
    textAlign: 'right',
    render: (row) => formatPaise(row.balanceAfter),
  },
];

function rowOf(line: StatementLine): StatementRow {
  return {
    id: line.id,
    createdAt: line.createdAt,
    type: statementTypeLabels[line.type],
    description: line.description,
    amount: line.amountPaise,
    balanceAfter: line.balanceAfterPaise,
    reference: line.reference,
  };
}

/**
 * The organization's wallet: balance, held and available; the statement with the balance after
 * each line, its filters and its CSV; and, for owners and admins, the low-balance alert.
 */
export function WalletPage() {
  const me = useMe();
  const wallet = useWallet();
  const [filters, setFilters] = useState<WalletFilters>({});
  const statement = useWalletStatement(filters);
  const [exporting, setExporting] = useState(false);
  const rows = statement.data?.pages.flatMap((page) => page.items.map(rowOf)) ?? [];
  const filtered = Object.keys(filters).length > 0;

  const exportCsv = () => {
    setExporting(true);
    downloadFile(exportPath(filters), 'wallet-statement.csv')
      .catch((error: unknown) => showSubmitError(null, error))
      .finally(() => setExporting(false));
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Wallet"
        description="Shipping is paid from this prepaid wallet. Money held for a booking is charged when it ships, or returned."
        actions={can(me, 'wallet.topup') ? <TopUpButton /> : undefined}
      />
      <WalletTiles wallet={wallet} />
      {can(me, 'wallet.manage') && wallet.data && (
        <Paper withBorder p="md" radius="md">
          <LowBalanceForm
            key={wallet.data.lowBalanceThresholdPaise}
            thresholdPaise={wallet.data.lowBalanceThresholdPaise}
          />
        </Paper>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h4">
          Statement
        </Title>
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} aria-hidden />}
          loading={exporting}
          onClick={exportCsv}
        >
          Export CSV
        </Button>
      </Group>
      <Paper withBorder p="md" radius="md">
        <StatementFilters onApply={setFilters} />
      </Paper>
      {statement.isPending ? (
        <LoadingState />
      ) : statement.isError ? (
        <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? 'No lines match the filters' : 'No money has moved yet'}>
          {filtered
            ? 'Widen the date range or clear the filters.'
            : 'Top-ups, shipping charges and refunds appear here with the balance after each.'}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <DataTable<StatementRow>
            ariaLabel="Wallet statement"
            records={rows}
            columns={columns}
            initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
          />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {rows.length} {rows.length === 1 ? 'line' : 'lines'} loaded
              {statement.hasNextPage ? '; older ones exist' : ''}.
            </Text>
            {statement.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void statement.fetchNextPage()}
                loading={statement.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {can(me, 'invoices.read') && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            Receipt vouchers
          </Title>
          <Text size="sm" c="dimmed">
            One for every top-up, numbered per financial year. Shipping tax invoices are on the
            Invoices page.
          </Text>
          <InvoiceList filters={{ kind: 'receipt_voucher' }} ariaLabel="Receipt vouchers" />
        </Stack>
      )}
    </Stack>
  );
}
