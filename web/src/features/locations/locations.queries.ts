import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

export type NewLocation =
  Paths['/api/v1/locations']['post']['requestBody']['content']['application/json'];

/** Every location of the organization (the dashboard shares this cache key). */
export function useLocations() {
  return useQuery({
    queryKey: ['locations', 'all'],
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(api.GET('/api/v1/locations', { params: { query: { limit: 200, cursor } } })),
      ),
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
