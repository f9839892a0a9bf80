import { Anchor, Badge, Group, Stack, Switch, Text, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState } from '../../components/query-state';
import { formatPhone } from '../../lib/format';
import { can } from '../../session/capabilities';
import { useMe } from '../../session/session-context';
import { AddLocationDialog } from './add-location-dialog';
import { EditLocationDialog, LocationRowActions, useConfirmArchive } from './location-actions';
import { useLocations, type Location } from './locations.queries';

interface LocationRow extends Record<string, unknown> {
  id: string;
  name: string;
  city: string;
  state: string;
  pincode: string;
  contactName: string;
  phone: string;
  location: Location;
}

function columns(actions: ((location: Location) => ReactNode) | null) {
  const list: DataTableColumn<LocationRow>[] = [
    {
      accessor: 'name',
      title: 'Name',
      sortable: true,
      render: (row) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/locations/${row.id}`}>
            {row.name}
          </Anchor>
          {row.location.archivedAt && (
            <Badge color="gray" variant="outline" size="sm">
              Archived
            </Badge>
          )}
        </Group>
      ),
    },
    { accessor: 'city', title: 'City', sortable: true },
    { accessor: 'state', title: 'State', sortable: true },
    { accessor: 'pincode', title: 'PIN', sortable: true },
    { accessor: 'contactName', title: 'Contact', sortable: true },
    { accessor: 'phone', title: 'Phone', render: (row) => formatPhone(row.phone) },
    {
      accessor: 'view',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      render: (row) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/locations/${row.id}`} aria-label={`View ${row.name}`}>
            View
          </Anchor>
          {actions && !row.location.archivedAt && actions(row.location)}
        </Group>
      ),
    },
  ];
  return list;
}

/** The organization's pickup and return addresses: add, edit, archive; archived ones on request. */
export function LocationsPage() {
  const me = useMe();
  const [showArchived, setShowArchived] = useState(false);
  const locations = useLocations({ archived: showArchived });
  const canWrite = can(me, 'locations.write');
  const [editing, setEditing] = useState<Location | null>(null);
  const confirmArchive = useConfirmArchive();
  const actions = canWrite
    ? (location: Location) => (
        <LocationRowActions location={location} onEdit={setEditing} onArchive={confirmArchive} />
      )
    : null;

  return (
    <Stack gap="md">
      <PageHeader
        title="Locations"
        description="Warehouses and service points parts are picked up from or returned to."
        actions={canWrite && <AddLocationDialog />}
      />
      <Switch
        label="Show archived locations"
        checked={showArchived}
        onChange={(event) => setShowArchived(event.currentTarget.checked)}
      />
      <QueryState
        query={locations}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No locations yet">
            {canWrite
              ? 'Add your first warehouse or service point with “Add location”.'
              : 'Ask an owner, admin or manager of your organization to add one.'}
          </EmptyState>
        }
      >
        {(data) => (
          <Stack gap="xs">
            <DataTable<LocationRow>
              ariaLabel="Locations"
              records={data.items.map((location) => ({
                id: location.id,
                name: location.name,
                city: location.address.city,
                state: location.address.state,
                pincode: location.address.pincode,
                contactName: location.address.contactName,
                phone: location.address.phone,
                location,
              }))}
              columns={columns(actions)}
              filterFields={['name', 'city', 'state', 'pincode', 'contactName']}
            />
            {data.truncated && (
              <Text size="sm" c="dimmed">
                Showing the newest {data.items.length} locations.
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
      <EditLocationDialog location={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
