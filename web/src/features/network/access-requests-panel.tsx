import { Button, Group, Text } from '@mantine/core';
import { DataTable } from '../../components/data-table';
import { EmptyState, QueryState } from '../../components/query-state';
import { formatDateTimeIst, humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import {
  useAccessRequests,
  useDecideAccessRequest,
  type IncomingAccessRequest,
} from './network.queries';

/** The brand's pending access requests, each approved or rejected here. */
export function AccessRequestsPanel() {
  const requests = useAccessRequests('pending');
  const decide = useDecideAccessRequest();

  const onDecide = (request: IncomingAccessRequest, decision: 'approve' | 'reject') =>
    decide.mutate(
      { id: request.id, decision },
      {
        onSuccess: () =>
          notifySuccess(
            decision === 'approve'
              ? `${request.partnerName} is now an active partner.`
              : `The request from ${request.partnerName} was rejected.`,
          ),
        onError: (error) => showSubmitError(null, error),
      },
    );

  return (
    <QueryState
      query={requests}
      isEmpty={(data) => data.items.length === 0}
      empty={
        <EmptyState title="No pending access requests">
          Distributors and service centres who ask to join your network appear here.
        </EmptyState>
      }
    >
      {(data) => (
        <DataTable
          ariaLabel="Access requests"
          records={data.items.filter((item): item is IncomingAccessRequest => 'partnerId' in item)}
          filterFields={['partnerName', 'partnerType', 'message']}
          initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
          columns={[
            { accessor: 'partnerName', title: 'Organization', sortable: true },
            {
              accessor: 'partnerType',
              title: 'Type',
              sortable: true,
              render: (request) => humanise(request.partnerType),
            },
            {
              accessor: 'message',
              title: 'Message',
              render: (request) => (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {request.message ?? '—'}
                </Text>
              ),
            },
            {
              accessor: 'createdAt',
              title: 'Asked',
              sortable: true,
              render: (request) => formatDateTimeIst(request.createdAt),
            },
            {
              accessor: 'actions',
              title: 'Actions',
              render: (request) => (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    loading={decide.isPending && decide.variables.id === request.id}
                    onClick={() => onDecide(request, 'approve')}
                  >
                    Approve
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={decide.isPending && decide.variables.id === request.id}
                    onClick={() => onDecide(request, 'reject')}
                  >
                    Reject
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}
