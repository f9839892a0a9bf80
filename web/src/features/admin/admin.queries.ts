import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Paths } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

type ListQuery = NonNullable<Paths['/api/v1/admin/organizations']['get']['parameters']['query']>;
export type OrganizationFilters = Pick<ListQuery, 'type' | 'status' | 'q'>;

/** Tenant organizations, filtered on the server (type, status, part of the name). */
export function useOrganizations(filters: OrganizationFilters) {
  return useQuery({
    queryKey: ['admin', 'organizations', 'list', filters],
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(
          api.GET('/api/v1/admin/organizations', {
            params: { query: { ...filters, limit: 200, cursor } },
          }),
        ),
      ),
    placeholderData: (previous) => previous,
  });
}

export type StatusAction = 'suspend' | 'reactivate';

export function useSetOrganizationStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: StatusAction }) =>
      action === 'suspend'
        ? unwrap(api.POST('/api/v1/admin/organizations/{id}/suspend', { params: { path: { id } } }))
        : unwrap(
            api.POST('/api/v1/admin/organizations/{id}/reactivate', {
              params: { path: { id } },
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] }),
  });
}
