import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths, type ResponseOf } from '../../api/client';
import { unwrap } from '../../api/problem';

export type WalletFilters = Omit<
  NonNullable<Paths['/api/v1/wallet/transactions']['get']['parameters']['query']>,
  'limit' | 'cursor'
>;
export type Wallet = ResponseOf<'/api/v1/wallet', 'get'>;
export type StatementLine = ResponseOf<'/api/v1/wallet/transactions', 'get'>['items'][number];
export type StatementType = StatementLine['type'];

/** The wallet's balances and low-balance threshold (also the dashboard's wallet tiles). */
export function useWallet(enabled = true) {
  return useQuery({
    queryKey: ['wallet'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/wallet')),
  });
}

/** The statement, newest first, 50 lines a page, following `nextCursor` on "Load more". */
export function useWalletStatement(filters: WalletFilters) {
  return useInfiniteQuery({
    queryKey: ['wallet', 'statement', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/wallet/transactions', {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Owners and admins: the low-balance alert threshold. */
export function useSetLowBalanceThreshold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lowBalanceThresholdPaise: number) =>
      unwrap(
        api.PUT('/api/v1/wallet/low-balance-threshold', { body: { lowBalanceThresholdPaise } }),
      ),
    onSuccess: (wallet) => client.setQueryData(['wallet'], wallet),
  });
}

/** The statement's types in words (the API's codes never reach the page). */
export const statementTypeLabels: Record<StatementType, string> = {
  topup: 'Top-up',
  charge: 'Shipping charge',
  refund: 'Refund',
  refund_reversed: 'Refund returned',
  manual_credit: 'Manual credit',
  manual_debit: 'Manual debit',
};

/** The export's query string for the same filters as the statement on screen. */
export function exportPath(filters: WalletFilters): string {
  const query = new URLSearchParams();
  if (filters.type) query.set('type', filters.type);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  const text = query.toString();
  return `/api/v1/wallet/transactions/export.csv${text ? `?${text}` : ''}`;
}
