import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths } from '../../api/client';
import { unwrap } from '../../api/problem';

export type NewApiKey =
  Paths['/api/v1/api-keys']['post']['requestBody']['content']['application/json'];
export type ApiKeyScope = NewApiKey['scope'];

export function useApiKeys() {
  return useQuery({
    queryKey: ['api-keys'],
    queryFn: () => unwrap(api.GET('/api/v1/api-keys')),
  });
}

/** Creates a key; the response is the only time the key itself is ever sent. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiKey) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}
