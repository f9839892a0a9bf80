import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../api/client';
import { collectPages } from '../../api/list';
import { unwrap } from '../../api/problem';

export type TeamMember = ResponseOf<'/api/v1/team/members', 'get'>['items'][number];
export type StaffInvitation = ResponseOf<'/api/v1/team/invitations', 'get'>['items'][number];
export type MemberRole = TeamMember['role'];

export const memberRoles: MemberRole[] = ['owner', 'admin', 'manager', 'operator', 'viewer'];

export function useMembers() {
  return useQuery({
    queryKey: ['team', 'members'],
    queryFn: () => unwrap(api.GET('/api/v1/team/members')),
  });
}

export function useStaffInvitations(enabled = true) {
  return useQuery({
    queryKey: ['team', 'invitations'],
    enabled,
    queryFn: () =>
      collectPages((cursor) =>
        unwrap(api.GET('/api/v1/team/invitations', { params: { query: { limit: 200, cursor } } })),
      ),
  });
}

function useTeamMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team'] }),
  });
}

export function useChangeRole() {
  return useTeamMutation(({ userId, role }: { userId: string; role: MemberRole }) =>
    unwrap(
      api.PATCH('/api/v1/team/members/{userId}', {
        params: { path: { userId } },
        body: { role },
      }),
    ),
  );
}

export function useRemoveMember() {
  return useTeamMutation((userId: string) =>
    unwrap(api.DELETE('/api/v1/team/members/{userId}', { params: { path: { userId } } })),
  );
}

export function useInviteStaff() {
  return useTeamMutation((body: { email: string; role: MemberRole }) =>
    unwrap(api.POST('/api/v1/team/invitations', { body })),
  );
}

export function useRevokeStaffInvitation() {
  return useTeamMutation((id: string) =>
    unwrap(api.POST('/api/v1/team/invitations/{id}/revoke', { params: { path: { id } } })),
  );
}

/** A new link for a pending staff invitation: the old one stops working, 7 more days. */
export function useResendStaffInvitation() {
  return useTeamMutation((id: string) =>
    unwrap(api.POST('/api/v1/team/invitations/{id}/resend', { params: { path: { id } } })),
  );
}
