import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { EmptyState, QueryState } from '../../components/query-state';
import { formatDateIst, formatPaise } from '../../lib/format';
import { showSubmitError } from '../../lib/forms';
import { authorisedRequest, saveBlob } from '../imports/authorised-http';
import {
  invoicePdfFileName,
  invoicePdfPath,
  useInvoices,
  type InvoiceFilters,
} from './invoices.queries';

interface InvoiceRow extends Record<string, unknown> {
  id: string;
  number: string;
  issuedAt: string;
  kind: 'tax_invoice' | 'receipt_voucher';
  totalPaise: number;
  sandbox: boolean;
}

const kindLabels = { tax_invoice: 'Tax invoice', receipt_voucher: 'Receipt voucher' } as const;

function PdfLink({ row }: { row: InvoiceRow }) {
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    authorisedRequest(invoicePdfPath(row.id))
      .then(async (response) => saveBlob(await response.blob(), invoicePdfFileName(row.number)))
      .catch((error: unknown) => showSubmitError(null, error))
      .finally(() => setBusy(false));
  };
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={download}
      disabled={busy}
      aria-label={`Download PDF of ${row.number}`}
    >
      {busy ? 'Downloading…' : 'Download PDF'}
    </Anchor>
  );
}

const columns: DataTableColumn<InvoiceRow>[] = [
  {
    accessor: 'number',
    title: 'Number',
    sortable: true,
    render: (row) => (
      <Text size="sm" ff="monospace">
        {row.number}
        {row.sandbox && (
          <Badge ml="xs" size="xs" color="red" variant="light">
            Sandbox
          </Badge>
        )}
      </Text>
    ),
  },
  {
    accessor: 'issuedAt',
    title: 'Date',
    sortable: true,
    render: (row) => formatDateIst(row.issuedAt),
  },
  { accessor: 'kind', title: 'Type', sortable: true, render: (row) => kindLabels[row.kind] },
  {
    accessor: 'totalPaise',
    title: 'Amount',
    sortable: true,
    textAlign: 'right',
    render: (row) => formatPaise(row.totalPaise),
  },
  { accessor: 'pdf', title: 'PDF', render: (row) => <PdfLink row={row} /> },
];

/**
 * The organization's tax invoices and receipt vouchers: number, date, type, amount and a PDF
 * download. A component of its own so the wallet page can show it (`kind` narrows it, e.g. to the
 * receipt vouchers of top-ups) as well as the invoices page.
 */
export function InvoiceList({
  filters = {},
  ariaLabel = 'Invoices',
}: {
  filters?: InvoiceFilters;
  ariaLabel?: string;
}) {
  const invoices = useInvoices(filters);
  return (
    <QueryState
      query={invoices}
      isEmpty={(data) => data.items.length === 0}
      empty={
        <EmptyState title="No invoices yet">
          A receipt voucher is issued for every wallet top-up, and a tax invoice for every shipment
          charged to the wallet.
        </EmptyState>
      }
    >
      {(data) => (
        <Stack gap="xs">
          <DataTable<InvoiceRow>
            ariaLabel={ariaLabel}
            records={data.items.map((invoice) => ({
              id: invoice.id,
              number: invoice.number,
              issuedAt: invoice.issuedAt,
              kind: invoice.kind,
              totalPaise: invoice.totalPaise,
              sandbox: invoice.supplier.sandbox,
            }))}
            columns={columns}
            filterFields={['number']}
            filterLabel="Filter by number"
            initialSort={{ columnAccessor: 'issuedAt', direction: 'desc' }}
          />
          {data.truncated && (
            <Text size="sm" c="dimmed">
              Showing the newest {data.items.length} documents.
            </Text>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
