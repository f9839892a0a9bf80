import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Paths, type ResponseOf } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

export type AuditFilters = Omit<
  NonNullable<Paths['/api/v1/audit-log']['get']['parameters']['query']>,
  'limit' | 'cursor'
>;
export type AuditEntry = ResponseOf<'/api/v1/audit-log', 'get'>['items'][number];
export type AuditVocabulary = ResponseOf<'/api/v1/audit-log/vocabulary', 'get'>;

/** The audit log, newest first, 50 entries a page, following `nextCursor` on "Load more". */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'log', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit-log', {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every action and entity type with its label, for the filter pickers (the server's one table). */
export function useAuditVocabulary() {
  return useQuery({
    queryKey: ['audit', 'vocabulary'],
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/audit-log/vocabulary')),
  });
}

/** The organization's members (same cache entry as the team page), for the "who" picker. */
export function useAuditMembers() {
  return useQuery({
    queryKey: ['team', 'members'],
    queryFn: () => unwrap(api.GET('/api/v1/team/members')),
  });
}

/** The organization's API keys (revoked ones too: they acted once), for the "who" picker. */
export function useAuditApiKeys(enabled: boolean) {
  return useQuery({
    queryKey: ['api-keys'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/api-keys')),
  });
}

/** Platform administrators: every organization by name, for the organization picker. */
export function useAuditOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'organizations', 'all'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(
          api.GET('/api/v1/admin/organizations', { params: { query: { limit: 200, cursor } } }),
        ),
      ),
  });
}
