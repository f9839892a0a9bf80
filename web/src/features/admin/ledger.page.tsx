import { Alert, Stack, Text } from '@mantine/core';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/query-state';
import { formatCount, formatDateTimeIst, formatPaise } from '../../lib/format';
import { can } from '../../session/capabilities';
import { useMe } from '../../session/session-context';
import { useLedgerAccounts, type LedgerAccounts } from './ledger.queries';
import { WalletAdjustmentDialog } from './wallet-adjustment-dialog';

interface AccountRow extends Record<string, unknown> {
  id: string;
  label: string;
  normal: string;
  balance: number;
  entries: number;
}

const columns: DataTableColumn<AccountRow>[] = [
  { accessor: 'label', title: 'Account' },
  { accessor: 'normal', title: 'Normal side' },
  {
    accessor: 'balance',
    title: 'Balance',
    textAlign: 'right',
    render: (row) => formatPaise(row.balance),
  },
  {
    accessor: 'entries',
    title: 'Entries',
    textAlign: 'right',
    render: (row) => formatCount(row.entries),
  },
];

function Reconciliation({ data }: { data: LedgerAccounts['reconciliation'] }) {
  const checked = `Checked ${formatCount(data.checkedAccounts)} wallet accounts at ${formatDateTimeIst(data.checkedAt)}.`;
  return data.drift === 0 ? (
    <Alert color="green" title="No drift">
      Every wallet equals the sum of its entries, every posting balances and the ledger sums to
      zero. {checked}
    </Alert>
  ) : (
    <Alert color="red" title="Drift found" role="alert">
      {formatCount(data.driftAccounts)} wallet accounts differ from their entries,{' '}
      {formatCount(data.unbalancedPostings)} postings do not balance, entries sum to{' '}
      {formatPaise(data.ledgerTotalPaise)}. {checked} See docs/operations.md, “Money ledger”.
    </Alert>
  );
}

/** Platform administrators: the ledger's accounts, the reconciler's verdict, manual adjustments. */
export function LedgerPage() {
  const me = useMe();
  const accounts = useLedgerAccounts();
  const rows: AccountRow[] = (accounts.data?.accounts ?? []).map((account) => ({
    id: account.kind,
    label: account.label,
    normal: account.normalBalance === 'credit' ? 'Credit' : 'Debit',
    balance: account.balancePaise,
    entries: account.entries,
  }));
  return (
    <Stack gap="md">
      <PageHeader
        title="Ledger"
        description="SpareFlow's money accounts, wallets summed, with a reconciliation run as the page loads."
        actions={can(me, 'ledger.adjust') && <WalletAdjustmentDialog />}
      />
      {accounts.isPending ? (
        <LoadingState />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <>
          <Reconciliation data={accounts.data.reconciliation} />
          <DataTable<AccountRow> ariaLabel="Ledger accounts" records={rows} columns={columns} />
          <Text size="sm" c="dimmed">
            {formatCount(accounts.data.wallets)} organizations have a wallet.
          </Text>
        </>
      )}
    </Stack>
  );
}
