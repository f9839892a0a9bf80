import { useQuery } from '@tanstack/react-query';
import { api, type Paths } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

type ListQuery = NonNullable<Paths['/api/v1/invoices']['get']['parameters']['query']>;
export type InvoiceFilters = Pick<ListQuery, 'kind' | 'financialYear'>;

/** The organization's tax invoices and receipt vouchers, newest first (filtered on the server). */
export function useInvoices(filters: InvoiceFilters = {}) {
  return useQuery({
    queryKey: ['invoices', 'list', filters],
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(
          api.GET('/api/v1/invoices', { params: { query: { ...filters, limit: 200, cursor } } }),
        ),
      ),
    placeholderData: (previous) => previous,
  });
}

/** `/api/v1/invoices/{id}/pdf`: downloaded with the session's token (`authorisedRequest`). */
export function invoicePdfPath(id: string): string {
  return `/api/v1/invoices/${encodeURIComponent(id)}/pdf`;
}

/** `SF/26-27/000123` → `SF-26-27-000123.pdf`, as the server names the file. */
export function invoicePdfFileName(number: string): string {
  return `${number.replaceAll('/', '-')}.pdf`;
}
