import { Button, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { EmptyState, QueryState } from '../../components/query-state';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../session/session-context';
import { InviteStaffDialog } from './invite-staff-dialog';
import { MembersTable } from './members-table';
import { StaffInvitationsTable } from './staff-invitations-table';
import { useMembers, useStaffInvitations } from './team.queries';
import { can } from '../../session/capabilities';

/** The organization's people (owners and admins): members, roles, invitations. */
export function TeamPage() {
  const me = useMe();
  // Managing the team is for owners and admins; everyone else may only see the members.
  const canManage = can(me, 'team.manage');
  const [inviteOpened, invite] = useDisclosure(false);
  const members = useMembers();
  const invitations = useStaffInvitations(canManage);

  return (
    <>
      <PageHeader
        title="Team"
        description={`The people of ${me.organization.name} and what each may do.`}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>
              Invite staff
            </Button>
          )
        }
      />
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Members
          </Title>
          <QueryState query={members}>
            {(data) => (
              <MembersTable members={data.items} myUserId={me.user.id} canManage={canManage} />
            )}
          </QueryState>
        </Stack>
        {canManage && (
          <Stack gap="sm">
            <Title order={2} size="h4">
              Invitations
            </Title>
            <QueryState
              query={invitations}
              isEmpty={(data) => data.items.length === 0}
              empty={
                <EmptyState title="No invitations yet">
                  Use “Invite staff” to send someone a link to join {me.organization.name}.
                </EmptyState>
              }
            >
              {(data) => <StaffInvitationsTable invitations={data.items} />}
            </QueryState>
          </Stack>
        )}
      </Stack>
      {canManage && (
        <InviteStaffDialog
          opened={inviteOpened}
          onClose={invite.close}
          // Only an owner may make someone an owner: a rule of the team service, not a policy.
          canInviteOwners={me.role === 'owner'}
        />
      )}
    </>
  );
}
