import { Badge, Button, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { EmptyState, QueryState } from '../../components/query-state';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../session/session-context';
import { AccessRequestsPanel } from './access-requests-panel';
import { InvitePartnerDialog } from './invite-partner-dialog';
import {
  useAccessRequests,
  useNetwork,
  usePartnerInvitations,
  type PartnerEntry,
} from './network.queries';
import { PartnerInvitationsTable } from './partner-invitations-table';
import { PartnersTable } from './partners-table';
import { can } from '../../session/capabilities';

/** A brand's network: partners, the invitations it sent, and who asks to join. */
export function BrandNetwork() {
  const me = useMe();
  // Invitations, access requests and partner decisions are for the brand's owners and admins.
  const canManage = can(me, 'network.decide');
  const [inviteOpened, invite] = useDisclosure(false);
  const partners = useNetwork();
  const invitations = usePartnerInvitations(canManage);
  const pending = useAccessRequests('pending', canManage);
  const pendingCount = pending.data?.items.length ?? 0;

  return (
    <>
      <PageHeader
        title="Partners"
        description="The distributors and service centres that work with your brand."
        actions={
          canManage && (
            <Button leftSection={<IconSend size={16} aria-hidden />} onClick={invite.open}>
              Invite partner
            </Button>
          )
        }
      />
      <Tabs defaultValue="partners" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="partners">Partners</Tabs.Tab>
          {canManage && <Tabs.Tab value="invitations">Invitations</Tabs.Tab>}
          {canManage && (
            <Tabs.Tab
              value="access-requests"
              rightSection={
                pendingCount > 0 ? (
                  <Badge size="sm" circle aria-label={`${pendingCount} pending`}>
                    {pendingCount}
                  </Badge>
                ) : undefined
              }
            >
              Access requests
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="partners">
          <QueryState
            query={partners}
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState title="No partners yet">
                {canManage
                  ? 'Use “Invite partner” to invite a distributor or service centre by e-mail.'
                  : 'Your owners and admins invite partners and approve their requests.'}
              </EmptyState>
            }
          >
            {(data) => (
              <PartnersTable
                partners={data.items.filter((item): item is PartnerEntry => 'partnerId' in item)}
                canManage={canManage}
              />
            )}
          </QueryState>
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="invitations">
            <QueryState
              query={invitations}
              isEmpty={(data) => data.items.length === 0}
              empty={
                <EmptyState title="No invitations sent">
                  Use “Invite partner” to send a distributor or service centre a link to join.
                </EmptyState>
              }
            >
              {(data) => <PartnerInvitationsTable invitations={data.items} />}
            </QueryState>
          </Tabs.Panel>
        )}
        {canManage && (
          <Tabs.Panel value="access-requests">
            <AccessRequestsPanel />
          </Tabs.Panel>
        )}
      </Tabs>
      {canManage && <InvitePartnerDialog opened={inviteOpened} onClose={invite.close} />}
    </>
  );
}
