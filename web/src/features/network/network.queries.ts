import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

type NetworkEntry = ResponseOf<'/api/v1/network/partners', 'get'>['items'][number];
export type PartnerEntry = Extract<NetworkEntry, { partnerId: string }>;
export type BrandEntry = Extract<NetworkEntry, { brandId: string }>;
export type PartnerInvitation = ResponseOf<'/api/v1/network/invitations', 'get'>['items'][number];
type AccessRequestEntry = ResponseOf<'/api/v1/network/access-requests', 'get'>['items'][number];
export type IncomingAccessRequest = Extract<AccessRequestEntry, { partnerId: string }>;
export type OutgoingAccessRequest = Extract<AccessRequestEntry, { brandId: string }>;
export type DirectoryBrand = ResponseOf<'/api/v1/network/brands', 'get'>['items'][number];
export type PartnerType = PartnerInvitation['partnerType'];
export type PartnerTransition = 'suspend' | 'revoke' | 'reactivate';

/** A brand's partners or a partner's brands, as the server answers for the caller's side. */
export function useNetwork() {
  return useQuery({
    queryKey: ['network', 'partners', 'all'],
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(api.GET('/api/v1/network/partners', { params: { query: { limit: 200, cursor } } })),
      ),
  });
}

export function usePartnerInvitations(enabled = true) {
  return useQuery({
    queryKey: ['network', 'invitations'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(
          api.GET('/api/v1/network/invitations', { params: { query: { limit: 200, cursor } } }),
        ),
      ),
  });
}

export function useAccessRequests(status?: 'pending', enabled = true) {
  return useQuery({
    queryKey: ['network', 'access-requests', status ?? 'all'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(
          api.GET('/api/v1/network/access-requests', {
            params: { query: { limit: 200, cursor, ...(status ? { status } : {}) } },
          }),
        ),
      ),
  });
}

export function useBrandDirectory(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['network', 'brands', query],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/network/brands', {
          params: { query: { limit: 50, ...(query ? { q: query } : {}) } },
        }),
      ),
  });
}

function useNetworkMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['network'] }),
  });
}

export function useChangePartner() {
  return useNetworkMutation(
    ({ partnerId, transition }: { partnerId: string; transition: PartnerTransition }) => {
      const params = { params: { path: { partnerId } } };
      if (transition === 'suspend')
        return unwrap(api.POST('/api/v1/network/partners/{partnerId}/suspend', params));
      if (transition === 'revoke')
        return unwrap(api.POST('/api/v1/network/partners/{partnerId}/revoke', params));
      return unwrap(api.POST('/api/v1/network/partners/{partnerId}/reactivate', params));
    },
  );
}

export function useInvitePartner() {
  return useNetworkMutation((body: { email: string; partnerType: PartnerType }) =>
    unwrap(api.POST('/api/v1/network/invitations', { body })),
  );
}

export function useRevokePartnerInvitation() {
  return useNetworkMutation((id: string) =>
    unwrap(api.POST('/api/v1/network/invitations/{id}/revoke', { params: { path: { id } } })),
  );
}

/** A new link for a pending invitation: the old one stops working, 7 more days. */
export function useResendPartnerInvitation() {
  return useNetworkMutation((id: string) =>
    unwrap(api.POST('/api/v1/network/invitations/{id}/resend', { params: { path: { id } } })),
  );
}

export function useDecideAccessRequest() {
  return useNetworkMutation(({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
    decision === 'approve'
      ? unwrap(
          api.POST('/api/v1/network/access-requests/{id}/approve', { params: { path: { id } } }),
        )
      : unwrap(
          api.POST('/api/v1/network/access-requests/{id}/reject', { params: { path: { id } } }),
        ),
  );
}

export function useRequestAccess() {
  return useNetworkMutation((body: { brandId: string; message?: string }) =>
    unwrap(api.POST('/api/v1/network/access-requests', { body })),
  );
}
