import { Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { EmptyState, QueryState } from '../../components/query-state';
import { PageHeader } from '../../components/page-header';
import { formatDateIst, formatDateTimeIst } from '../../lib/format';
import { useMe } from '../../session/session-context';
import { FindBrandsPanel } from './find-brands-panel';
import {
  useAccessRequests,
  useNetwork,
  type BrandEntry,
  type OutgoingAccessRequest,
} from './network.queries';
import { StatusBadge } from '../../components/status-badge';
import { can } from '../../session/capabilities';

/** A distributor's or service centre's brands, the directory, and its own access requests. */
export function PartnerNetwork() {
  const me = useMe();
  // The directory and access requests are for owners, admins and managers.
  const canRequest = can(me, 'network.request_access');
  const [tab, setTab] = useState<string | null>('brands');
  const brands = useNetwork();
  const requests = useAccessRequests(undefined, canRequest && tab === 'requests');

  return (
    <>
      <PageHeader title="Brands" description="The brands whose parts you stock or service." />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="brands">My brands</Tabs.Tab>
          {canRequest && <Tabs.Tab value="find">Find brands</Tabs.Tab>}
          {canRequest && <Tabs.Tab value="requests">My requests</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="brands">
          <QueryState
            query={brands}
            isEmpty={(data) => data.items.length === 0}
            empty={
              <EmptyState title="No brands yet">
                {canRequest
                  ? 'Find a brand under “Find brands” and request access, or accept an invitation a brand e-mailed you.'
                  : 'Your owners and admins connect your organization with brands.'}
              </EmptyState>
            }
          >
            {(data) => (
              <DataTable
                ariaLabel="My brands"
                idAccessor="brandId"
                records={data.items.filter((item): item is BrandEntry => 'brandId' in item)}
                filterFields={['name', 'status']}
                columns={[
                  { accessor: 'name', title: 'Brand', sortable: true },
                  {
                    accessor: 'status',
                    title: 'Status',
                    sortable: true,
                    render: (brand) => <StatusBadge status={brand.status} />,
                  },
                  {
                    accessor: 'since',
                    title: 'Since',
                    sortable: true,
                    render: (brand) => formatDateIst(brand.since),
                  },
                ]}
              />
            )}
          </QueryState>
        </Tabs.Panel>
        {canRequest && (
          <Tabs.Panel value="find">
            <FindBrandsPanel />
          </Tabs.Panel>
        )}
        {canRequest && (
          <Tabs.Panel value="requests">
            <QueryState
              query={requests}
              isEmpty={(data) => data.items.length === 0}
              empty={
                <EmptyState title="No requests yet">
                  Ask a brand to add you under “Find brands”.
                </EmptyState>
              }
            >
              {(data) => (
                <DataTable
                  ariaLabel="My access requests"
                  records={data.items.filter(
                    (item): item is OutgoingAccessRequest => 'brandId' in item,
                  )}
                  initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
                  columns={[
                    { accessor: 'brandName', title: 'Brand', sortable: true },
                    {
                      accessor: 'status',
                      title: 'Status',
                      sortable: true,
                      render: (request) => <StatusBadge status={request.status} />,
                    },
                    {
                      accessor: 'message',
                      title: 'Message',
                      render: (request) => <Text size="sm">{request.message ?? '—'}</Text>,
                    },
                    {
                      accessor: 'createdAt',
                      title: 'Asked',
                      sortable: true,
                      render: (request) => formatDateTimeIst(request.createdAt),
                    },
                    {
                      accessor: 'decidedAt',
                      title: 'Decided',
                      sortable: true,
                      render: (request) => formatDateTimeIst(request.decidedAt),
                    },
                  ]}
                />
              )}
            </QueryState>
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
