import { Select } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { showSubmitError } from '../lib/forms';
import { humanise } from '../lib/format';
import { session, useMe } from '../session/session-context';

/**
 * For people who belong to several organizations: switches the session to another one (a new
 * token for that organization) and drops every cached page of the previous one.
 */
export function OrganizationSwitcher() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [switching, setSwitching] = useState(false);
  if (me.memberships.length < 2) return null;
  return (
    <Select
      aria-label="Organization"
      size="xs"
      w={{ base: 160, sm: 260 }}
      disabled={switching}
      value={me.organization.id}
      allowDeselect={false}
      data={me.memberships.map((membership) => ({
        value: membership.organizationId,
        label: `${membership.organizationName} (${humanise(membership.organizationType)})`,
      }))}
      onChange={async (organizationId) => {
        if (!organizationId || organizationId === me.organization.id) return;
        setSwitching(true);
        try {
          await session.switchOrganization(organizationId);
          queryClient.clear();
          await navigate('/');
        } catch (error) {
          showSubmitError(null, error);
        } finally {
          setSwitching(false);
        }
      }}
    />
  );
}
