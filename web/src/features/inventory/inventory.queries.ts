import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Paths, type ResponseOf } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

export type StockLevel = ResponseOf<'/api/v1/inventory', 'get'>['items'][number];
export type Movement = ResponseOf<'/api/v1/inventory/movements', 'get'>['items'][number];
export type Transfer = ResponseOf<'/api/v1/inventory/transfers', 'get'>['items'][number];
export type Count = ResponseOf<'/api/v1/inventory/counts', 'get'>['items'][number];
type Body<P extends keyof Paths> = Paths[P] extends {
  post: { requestBody: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
export type Adjustment = Body<'/api/v1/inventory/adjustments'>;
export type AdjustmentReason = Adjustment['reason'];
export type NewTransfer = Body<'/api/v1/inventory/transfers'>;
export type NewCount = Body<'/api/v1/inventory/counts'>;
export type Thresholds =
  Paths['/api/v1/inventory/levels/{locationId}/{partId}/thresholds']['put']['requestBody']['content']['application/json'];

/** The five reason codes of a manual adjustment (api-v1). */
export const adjustmentReasons: AdjustmentReason[] = [
  'receipt',
  'count_correction',
  'damage',
  'loss',
  'return_restock',
];

/** Whether a level is at or below its reorder point (or its minimum when there is none). */
export function isLowStock(level: StockLevel): boolean {
  const threshold = level.reorderPoint ?? level.minQuantity;
  return threshold !== null && level.available <= threshold;
}

export interface LevelFilters {
  locationId?: string;
  partId?: string;
  lowStock?: boolean;
}

/** Stock levels, 100 a page, "Load more" follows the cursor. */
export function useStockLevels(filters: LevelFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['inventory', 'levels', filters],
    enabled,
    placeholderData: keepPreviousData,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/inventory', {
          params: {
            query: {
              limit: 100,
              ...(filters.locationId ? { locationId: filters.locationId } : {}),
              ...(filters.partId ? { partId: filters.partId } : {}),
              ...(filters.lowStock ? { lowStock: 'true' as const } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Part numbers and names of the parts the organization holds (for ledger/transfer rows). */
export function usePartNames() {
  return useQuery({
    queryKey: ['inventory', 'part-names'],
    queryFn: async () => {
      const levels = await collectPages((cursor) =>
        unwrap(api.GET('/api/v1/inventory', { params: { query: { limit: 200, cursor } } })),
      );
      const names = new Map<string, { partNumber: string; partName: string }>();
      for (const level of levels.items)
        names.set(level.partId, { partNumber: level.partNumber, partName: level.partName });
      return names;
    },
  });
}

export function useMovements(filters: { locationId?: string; partId?: string }) {
  return useInfiniteQuery({
    queryKey: ['inventory', 'movements', filters],
    placeholderData: keepPreviousData,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/inventory/movements', {
          params: {
            query: {
              limit: 50,
              ...(filters.locationId ? { locationId: filters.locationId } : {}),
              ...(filters.partId ? { partId: filters.partId } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useTransfers() {
  return useQuery({
    queryKey: ['inventory', 'transfers'],
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(
          api.GET('/api/v1/inventory/transfers', { params: { query: { limit: 100, cursor } } }),
        ),
      ),
  });
}

function useInventoryMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

/** An adjustment sent with the dialog's Idempotency-Key (a double submit applies once). */
export function useAdjustStock() {
  return useInventoryMutation(
    ({ body, idempotencyKey }: { body: Adjustment; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/inventory/adjustments', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body,
        }),
      ),
  );
}

export function useSetThresholds() {
  return useInventoryMutation(
    ({ locationId, partId, body }: { locationId: string; partId: string; body: Thresholds }) =>
      unwrap(
        api.PUT('/api/v1/inventory/levels/{locationId}/{partId}/thresholds', {
          params: { path: { locationId, partId } },
          body,
        }),
      ),
  );
}

export function useCreateTransfer() {
  return useInventoryMutation((body: NewTransfer) =>
    unwrap(api.POST('/api/v1/inventory/transfers', { body })),
  );
}

export function useReceiveTransfer() {
  return useInventoryMutation((id: string) =>
    unwrap(api.POST('/api/v1/inventory/transfers/{id}/receive', { params: { path: { id } } })),
  );
}

export function useCreateCount() {
  return useInventoryMutation((body: NewCount) =>
    unwrap(api.POST('/api/v1/inventory/counts', { body })),
  );
}
