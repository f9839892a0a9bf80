import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { openConfirm } from '../../components/confirm';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { formatDateTimeIst, humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import {
  memberRoles,
  useChangeRole,
  useRemoveMember,
  type MemberRole,
  type TeamMember,
} from './team.queries';

const roleOptions = memberRoles.map((role) => ({ value: role, label: humanise(role) }));

/** The organization's members: role badge, role change and removal (the server keeps the owner rules). */
export function MembersTable({
  members,
  myUserId,
  canManage,
}: {
  members: TeamMember[];
  myUserId: string;
  canManage: boolean;
}) {
  const changeRole = useChangeRole();
  const removeMember = useRemoveMember();

  const onRoleChange = (member: TeamMember, role: MemberRole) => {
    if (role === member.role) return;
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => notifySuccess(`${member.name} is now ${humanise(role).toLowerCase()}.`),
        onError: (error) => showSubmitError(null, error),
      },
    );
  };

  const confirmRemove = (member: TeamMember) =>
    openConfirm({
      title: `Remove ${member.name}?`,
      children: (
        <Text size="sm">
          {member.name} ({member.email}) loses access to this organization and is signed out here.
        </Text>
      ),
      labels: { confirm: 'Remove', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        removeMember.mutate(member.userId, {
          onSuccess: () => notifySuccess(`${member.name} was removed from the team.`),
          onError: (error) => showSubmitError(null, error),
        }),
    });

  const actionsColumn: DataTableColumn<TeamMember> = {
    accessor: 'actions',
    title: 'Actions',
    render: (member) => (
      <Group gap="xs" wrap="nowrap">
        <Select
          aria-label={`Role of ${member.name}`}
          data={roleOptions}
          value={member.role}
          onChange={(value) => value && onRoleChange(member, value as MemberRole)}
          allowDeselect={false}
          size="xs"
          w={130}
        />
        {member.userId !== myUserId && (
          <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(member)}>
            Remove
          </Button>
        )}
      </Group>
    ),
  };

  return (
    <DataTable
      ariaLabel="Members"
      idAccessor="userId"
      records={members}
      filterFields={['name', 'email', 'role']}
      columns={[
        {
          accessor: 'name',
          title: 'Name',
          sortable: true,
          render: (member) => (
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{member.name}</Text>
              {member.userId === myUserId && (
                <Text size="xs" c="dimmed">
                  (you)
                </Text>
              )}
            </Group>
          ),
        },
        { accessor: 'email', title: 'E-mail', sortable: true },
        {
          accessor: 'role',
          title: 'Role',
          sortable: true,
          render: (member) => <Badge variant="light">{humanise(member.role)}</Badge>,
        },
        {
          accessor: 'joinedAt',
          title: 'Joined',
          sortable: true,
          render: (member) => formatDateTimeIst(member.joinedAt),
        },
        ...(canManage ? [actionsColumn] : []),
      ]}
    />
  );
}
