import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths, type ResponseOf } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

export type QuoteRequest = NonNullable<
  Paths['/api/v1/rates/quote']['post']['requestBody']
>['content']['application/json'];
export type Quote = ResponseOf<'/api/v1/rates/quote', 'post'>;
export type RateCardInForce = ResponseOf<'/api/v1/rates/card', 'get'>;
export type RateCardVersion = ResponseOf<'/api/v1/admin/rate-cards/{id}', 'get'>;
export type NewRateCard = NonNullable<
  Paths['/api/v1/admin/rate-cards']['post']['requestBody']
>['content']['application/json'];

/** The card in force as members see it (services for the picker, zone data). */
export function useRateCardInForce() {
  return useQuery({
    queryKey: ['rates', 'card'],
    queryFn: () => unwrap(api.GET('/api/v1/rates/card')),
  });
}

export function useQuote() {
  return useMutation({
    mutationFn: (body: QuoteRequest) => unwrap(api.POST('/api/v1/rates/quote', { body })),
  });
}

/** Every version, newest first (a handful: each is a deliberate tariff change). */
export function useRateCards() {
  return useQuery({
    queryKey: ['rates', 'versions'],
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(api.GET('/api/v1/admin/rate-cards', { params: { query: { limit: 200, cursor } } })),
      ),
  });
}

export function useRateCard(id: string | null) {
  return useQuery({
    queryKey: ['rates', 'versions', id],
    enabled: id !== null,
    queryFn: () =>
      unwrap(api.GET('/api/v1/admin/rate-cards/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useCreateRateCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRateCard) => unwrap(api.POST('/api/v1/admin/rate-cards', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rates'] }),
  });
}

export const zoneOrder = [
  'within_city',
  'within_state',
  'metro_to_metro',
  'rest_of_india',
  'special',
] as const;
export type Zone = (typeof zoneOrder)[number];
export const zoneLabels: Record<Zone, string> = {
  within_city: 'Within city',
  within_state: 'Within state',
  metro_to_metro: 'Metro to metro',
  rest_of_india: 'Rest of India',
  special: 'Special region',
};

/** 1250 basis points → "12.5%". */
export function formatBps(bps: number): string {
  return `${new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 }).format(bps / 100)}%`;
}
