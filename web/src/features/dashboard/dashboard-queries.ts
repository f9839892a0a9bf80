import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

/** The lists the dashboard counts; each figure comes from the capability's own API. */
export function useLocationsList(enabled = true) {
  return useQuery({
    queryKey: ['locations', 'all'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(api.GET('/api/v1/locations', { params: { query: { limit: 200, cursor } } })),
      ),
  });
}

export function usePartnersList(enabled = true) {
  return useQuery({
    queryKey: ['network', 'partners', 'all'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(api.GET('/api/v1/network/partners', { params: { query: { limit: 200, cursor } } })),
      ),
  });
}

export function useTeamMembers(enabled = true) {
  return useQuery({
    queryKey: ['team', 'members'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/team/members')),
  });
}

export function usePlatformOrganizations(enabled = true) {
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

/** Pending access requests: addressed to a brand, or sent by a partner. */
export function usePendingAccessRequests(enabled = true) {
  return useQuery({
    queryKey: ['network', 'access-requests', 'pending'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(
          api.GET('/api/v1/network/access-requests', {
            params: { query: { status: 'pending', limit: 200, cursor } },
          }),
        ),
      ),
  });
}

/**
 * The organization's stock value and counts, computed by the server over every level: units on
 * hand at moving-average cost, units received without a cost at list price (and how many).
 */
export function useStockSummary(enabled = true) {
  return useQuery({
    queryKey: ['inventory', 'summary'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/inventory/summary')),
  });
}
