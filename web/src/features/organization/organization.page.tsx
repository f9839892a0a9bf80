import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDateTimeIst, formatPhone, humanise } from '../../lib/format';
import { useMe } from '../../session/session-context';
import { EditOrganizationDialog } from './edit-organization-dialog';
import { useOrganizationProfile } from './organization.queries';
import { can } from '../../session/capabilities';

/** Roles the API lets edit the profile (PATCH /api/v1/organization policy). */

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

const notSet = (value: string | null) => value ?? 'Not set';

/** The organization's profile: everyone reads it, owners and admins edit it. */
export function OrganizationPage() {
  const me = useMe();
  const profile = useOrganizationProfile();
  const canEdit = can(me, 'organization.edit');

  return (
    <Stack gap="md">
      <PageHeader
        title="Organization profile"
        description="Your organization's name, tax registration and contact details."
        actions={canEdit && profile.data && <EditOrganizationDialog profile={profile.data} />}
      />
      <QueryState query={profile}>
        {(data) => (
          <Paper withBorder p="md" radius="md">
            <Stack gap="md">
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="lg">
                  {data.name}
                </Text>
                <Badge variant="light">{humanise(data.type)}</Badge>
                <Badge color={data.status === 'active' ? 'green' : 'orange'} variant="light">
                  {humanise(data.status)}
                </Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Field label="Legal name">{notSet(data.legalName)}</Field>
                <Field label="Organization type">{humanise(data.type)}</Field>
                <Field label="GSTIN">{notSet(data.gstin)}</Field>
                <Field label="PAN">{notSet(data.pan)}</Field>
                <Field label="Contact e-mail">{notSet(data.contactEmail)}</Field>
                <Field label="Contact phone">
                  {data.contactPhone ? formatPhone(data.contactPhone) : 'Not set'}
                </Field>
                <Field label="Status">{humanise(data.status)}</Field>
                <Field label="Created">{formatDateTimeIst(data.createdAt)}</Field>
              </SimpleGrid>
              {!canEdit && (
                <Text size="sm" c="dimmed">
                  Only owners and admins can change the profile.
                </Text>
              )}
            </Stack>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
