import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../api/client';
import { unwrap } from '../../api/problem';

export type CreatedTopup = ResponseOf<'/api/v1/wallet/topups', 'post'>;
export type VerifiedTopup = ResponseOf<'/api/v1/wallet/topups/{topupId}/verify', 'post'>;
export type ReconciliationReport = ResponseOf<'/api/v1/admin/payments/reconciliation', 'get'>;

/** Starts a top-up: the server creates the Razorpay order (the opening's Idempotency-Key). */
export function useCreateTopup() {
  return useMutation({
    mutationFn: ({
      amountPaise,
      idempotencyKey,
    }: {
      amountPaise: number;
      idempotencyKey: string;
    }) =>
      unwrap(
        api.POST('/api/v1/wallet/topups', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: { amountPaise },
        }),
      ),
  });
}

/** Hands Checkout's result to the server, which verifies it and credits the wallet once. */
export function useVerifyTopup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      topupId,
      razorpayPaymentId,
      razorpaySignature,
    }: {
      topupId: string;
      razorpayPaymentId: string;
      razorpaySignature: string;
    }) =>
      unwrap(
        api.POST('/api/v1/wallet/topups/{topupId}/verify', {
          params: { path: { topupId } },
          body: { razorpayPaymentId, razorpaySignature },
        }),
      ),
    // The wallet page's balance and statement read under the `wallet` key.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['wallet'] }),
  });
}

export function useReconciliationReport() {
  return useQuery({
    queryKey: ['admin', 'payments', 'reconciliation'],
    queryFn: () => unwrap(api.GET('/api/v1/admin/payments/reconciliation')),
  });
}
