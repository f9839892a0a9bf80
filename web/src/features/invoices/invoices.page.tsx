import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { InvoiceList } from './invoice-list';
import type { InvoiceFilters } from './invoices.queries';

type KindChoice = 'all' | NonNullable<InvoiceFilters['kind']>;

/** Tax invoices of shipments and receipt vouchers of top-ups, with their PDFs. */
export function InvoicesPage() {
  const [kind, setKind] = useState<KindChoice>('all');
  return (
    <Stack gap="md">
      <PageHeader
        title="Invoices"
        description="GST tax invoices for shipping charges and receipt vouchers for wallet top-ups."
      />
      <SegmentedControl
        aria-label="Show"
        value={kind}
        onChange={(value) => setKind(value as KindChoice)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'tax_invoice', label: 'Tax invoices' },
          { value: 'receipt_voucher', label: 'Receipt vouchers' },
        ]}
        w="fit-content"
      />
      <InvoiceList filters={kind === 'all' ? {} : { kind }} />
    </Stack>
  );
}
