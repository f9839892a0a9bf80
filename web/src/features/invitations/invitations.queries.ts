import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** What a brand's partner invitation offers, by its token (public). */
export function usePartnerInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitations', 'partner-preview', token],
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    queryFn: () =>
      unwrap(api.GET('/api/v1/network/invitations/preview', { params: { query: { token } } })),
  });
}

/** Accepts a partner invitation for the signed-in distributor or service centre. */
export function useAcceptPartnerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/api/v1/network/invitations/accept', { body: { token } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['network'] }),
  });
}

/** What a staff invitation offers, by its token (public). */
export function useStaffInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitations', 'staff-preview', token],
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    queryFn: () =>
      unwrap(api.GET('/api/v1/team/invitations/preview', { params: { query: { token } } })),
  });
}

/** Accepts a staff invitation: new people send name and password, existing users their password. */
export function useAcceptStaffInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; name?: string; password: string }) =>
      unwrap(api.POST('/api/v1/team/invitations/accept', { body })),
  });
}
