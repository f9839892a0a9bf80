import { Anchor, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState } from '../../components/query-state';
import { formatPhone } from '../../lib/format';
import { useMe } from '../../session/session-context';
import { AddLocationDialog } from './add-location-dialog';
import { useLocations } from './locations.queries';
import { can } from '../../session/capabilities';

/** Roles the API lets add a location (POST /api/v1/locations policy). */

interface LocationRow extends Record<string, unknown> {
  id: string;
  name: string;
  city: string;
  state: string;
  pincode: string;
  contactName: string;
  phone: string;
}

const columns: DataTableColumn<LocationRow>[] = [
  {
    accessor: 'name',
    title: 'Name',
    sortable: true,
    render: (row) => (
      <Anchor component={Link} to={`/locations/${row.id}`}>
        {row.name}
      </Anchor>
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
      <Anchor component={Link} to={`/locations/${row.id}`} aria-label={`View ${row.name}`}>
        View
      </Anchor>
    ),
  },
];

/** The organization's pickup and return addresses. */
export function LocationsPage() {
  const me = useMe();
  const locations = useLocations();
  const canAdd = can(me, 'locations.write');

  return (
    <Stack gap="md">
      <PageHeader
        title="Locations"
        description="Warehouses and service points parts are picked up from or returned to."
        actions={canAdd && <AddLocationDialog />}
      />
      <QueryState
        query={locations}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No locations yet">
            {canAdd
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
              }))}
              columns={columns}
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
    </Stack>
  );
}
