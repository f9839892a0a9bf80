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
import { authorisedRequest } from '../imports/authorised-http';

export type Part = ResponseOf<'/api/v1/parts', 'get'>['items'][number];
export type PartDetail = ResponseOf<'/api/v1/parts/{id}', 'get'>;
export type NewPart = Paths['/api/v1/parts']['post']['requestBody']['content']['application/json'];
export type PartPatch =
  Paths['/api/v1/parts/{id}']['patch']['requestBody']['content']['application/json'];
export type PartStatus = Part['status'];
export type PartListQuery = NonNullable<Paths['/api/v1/parts']['get']['parameters']['query']>;

export const partStatuses: PartStatus[] = ['draft', 'active', 'discontinued'];

/** Filters of the catalog list; `q` is searched (ranked) on the server. */
export interface PartFilters {
  q?: string;
  status?: PartStatus;
  category?: string;
  brandId?: string;
}

function query(filters: PartFilters, cursor?: string): PartListQuery {
  return {
    limit: 50,
    ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category?.trim() ? { category: filters.category.trim() } : {}),
    ...(filters.brandId ? { brandId: filters.brandId } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The catalog, 50 parts a page, "Load more" follows the cursor. */
export function useParts(filters: PartFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['catalog', 'parts', filters],
    enabled,
    placeholderData: keepPreviousData,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/parts', { params: { query: query(filters, pageParam) } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A few parts matching `q`, for pickers (adjustments, supersession, substitutes). */
export function usePartSearch(q: string, brandId?: string, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'search', q, brandId ?? null],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/parts', {
          params: { query: { ...query({ q, brandId }), limit: 20 } },
        }),
      ),
  });
}

export function usePart(id: string) {
  return useQuery({
    queryKey: ['catalog', 'part', id],
    queryFn: () => unwrap(api.GET('/api/v1/parts/{id}', { params: { path: { id } } })),
  });
}

/** The brands a distributor or service centre is an active partner of (their catalogs). */
export function usePartnerBrands(enabled: boolean) {
  return useQuery({
    queryKey: ['network', 'partners', 'all'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(api.GET('/api/v1/network/partners', { params: { query: { limit: 200, cursor } } })),
      ),
    select: (data) =>
      data.items.flatMap((entry) =>
        'brandId' in entry && entry.status === 'active'
          ? [{ brandId: entry.brandId, name: entry.name }]
          : [],
      ),
  });
}

export function useSavePart(partId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPart | PartPatch) =>
      partId
        ? unwrap(
            api.PATCH('/api/v1/parts/{id}', {
              params: { path: { id: partId } },
              body: body as PartPatch,
            }),
          )
        : unwrap(api.POST('/api/v1/parts', { body: body as NewPart })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  });
}

export function useSupersede(partId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (replacementPartId: string) =>
      unwrap(
        api.POST('/api/v1/parts/{id}/supersede', {
          params: { path: { id: partId } },
          body: { replacementPartId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  });
}

export function useSetSubstitutes(partId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (partIds: string[]) =>
      unwrap(
        api.PUT('/api/v1/parts/{id}/substitutes', {
          params: { path: { id: partId } },
          body: { partIds },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  });
}

/** Uploads the raw image file with its own content type (413 too large, 415 wrong type). */
export function useUploadImage(partId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const response = await authorisedRequest(`/api/v1/parts/${partId}/images`, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      return (await response.json()) as { id: string; url: string };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog', 'part', partId] }),
  });
}

export function useDeleteImage(partId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (imageId: string) =>
      unwrap(
        api.DELETE('/api/v1/parts/{id}/images/{imageId}', {
          params: { path: { id: partId, imageId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog', 'part', partId] }),
  });
}

/** An image's bytes as an object URL (the image route needs the bearer token, so no plain src). */
export function useImageObjectUrl(url: string) {
  return useQuery({
    queryKey: ['catalog', 'image', url],
    staleTime: Infinity,
    queryFn: async () => URL.createObjectURL(await (await authorisedRequest(url)).blob()),
  });
}
