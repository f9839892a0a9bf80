import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths, type ResponseOf } from '../../api/client';
import { unwrap } from '../../api/problem';

export type LedgerAccounts = ResponseOf<'/api/v1/admin/ledger/accounts', 'get'>;
export type WalletAdjustment = NonNullable<
  Paths['/api/v1/admin/wallets/{organizationId}/adjustments']['post']['requestBody']
>['content']['application/json'];

/** The platform's accounts with a reconciliation run now (platform administrators). */
export function useLedgerAccounts() {
  return useQuery({
    queryKey: ['admin', 'ledger', 'accounts'],
    queryFn: () => unwrap(api.GET('/api/v1/admin/ledger/accounts')),
  });
}

/** A manual credit or debit with a reason, sent with the dialog's Idempotency-Key. */
export function useAdjustWallet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      organizationId,
      body,
      idempotencyKey,
    }: {
      organizationId: string;
      body: WalletAdjustment;
      idempotencyKey: string;
    }) =>
      unwrap(
        api.POST('/api/v1/admin/wallets/{organizationId}/adjustments', {
          params: { path: { organizationId }, header: { 'idempotency-key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'ledger'] }),
  });
}
