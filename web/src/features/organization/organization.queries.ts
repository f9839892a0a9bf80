import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths, type ResponseOf } from '../../api/client';
import { unwrap } from '../../api/problem';

export type OrganizationProfile = ResponseOf<'/api/v1/organization', 'get'>;
export type OrganizationUpdate =
  Paths['/api/v1/organization']['patch']['requestBody']['content']['application/json'];

export function useOrganizationProfile() {
  return useQuery({
    queryKey: ['organization', 'profile'],
    queryFn: () => unwrap(api.GET('/api/v1/organization')),
  });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationUpdate) => unwrap(api.PATCH('/api/v1/organization', { body })),
    onSuccess: (profile) => queryClient.setQueryData(['organization', 'profile'], profile),
  });
}
