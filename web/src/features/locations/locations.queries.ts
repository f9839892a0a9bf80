import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths } from '../../api/client';
import { collectPages } from '../../api/list';
import { isApiProblem, unwrap } from '../../api/problem';

export type NewLocation =
  Paths['/api/v1/locations']['post']['requestBody']['content']['application/json'];
export type LocationPatch = NonNullable<
  Paths['/api/v1/locations/{id}']['patch']['requestBody']
>['content']['application/json'];
export type Location =
  Paths['/api/v1/locations/{id}']['get']['responses']['200']['content']['application/json'];
export type SavedLocation =
  Paths['/api/v1/locations']['post']['responses']['201']['content']['application/json'];
export type PinRecord =
  Paths['/api/v1/pincodes/{pin}']['get']['responses']['200']['content']['application/json'];

function allLocations(archived: boolean) {
  return collectPages((cursor) =>
    unwrap(
      api.GET('/api/v1/locations', {
        params: { query: { limit: 200, cursor, ...(archived ? { archived: 'true' } : {}) } },
      }),
    ),
  );
}

/**
 * The organization's active locations: what pickers offer (the dashboard shares this cache key).
 * With `archived`, archived ones too, each with its `archivedAt`.
 */
export function useLocations({ archived = false }: { archived?: boolean } = {}) {
  return useQuery({
    queryKey: ['locations', archived ? 'with-archived' : 'all'],
    queryFn: () => allLocations(archived),
  });
}

export function useLocation(id: string) {
  return useQuery({
    queryKey: ['locations', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/locations/{id}', { params: { path: { id } } })),
  });
}

export function useCreateLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLocation) => unwrap(api.POST('/api/v1/locations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['locations'] }),
  });
}

export function useUpdateLocation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationPatch) =>
      unwrap(api.PATCH('/api/v1/locations/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['locations'] }),
  });
}

export function useArchiveLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/locations/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['locations'] }),
  });
}

/**
 * India Post's record of a complete PIN (6 digits), for the form to fill state and city; `null`
 * when India Post has no such PIN. Cached for the session: the directory does not change.
 */
export function usePincode(pin: string) {
  const complete = /^[1-9][0-9]{5}$/.test(pin);
  return useQuery({
    queryKey: ['pincodes', pin],
    enabled: complete,
    staleTime: Infinity,
    queryFn: async (): Promise<PinRecord | null> => {
      try {
        return await unwrap(api.GET('/api/v1/pincodes/{pin}', { params: { path: { pin } } }));
      } catch (error) {
        if (isApiProblem(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}
