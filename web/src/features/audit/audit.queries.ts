import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Paths, type ResponseOf } from '../../api/client';
import { unwrap } from '../../api/problem';

export type AuditFilters = Omit<
  NonNullable<Paths['/api/v1/audit-log']['get']['parameters']['query']>,
  'limit' | 'cursor'
>;
export type AuditEntry = ResponseOf<'/api/v1/audit-log', 'get'>['items'][number];

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

/**
 * The organization's members, to show an actor's name instead of a user id (the audit API
 * returns ids only). Same cache entry as the dashboard's team count.
 */
export function useMemberNames() {
  return useQuery({
    queryKey: ['team', 'members'],
    queryFn: () => unwrap(api.GET('/api/v1/team/members')),
    select: (data) => new Map(data.items.map((member) => [member.userId, member.name])),
  });
}
