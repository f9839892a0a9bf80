import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDateTimeIst, humanise } from '../../lib/format';
import { useReconciliationReport } from './payments.queries';

/** A healed finding was put right by the run itself; the rest wait for a person. */
const healed = new Set(['paid_but_not_credited']);

/**
 * Platform administrators: the last daily reconciliation of our top-ups and refunds with
 * Razorpay's orders, payments and refunds — when it ran and each mismatch.
 */
export function ReconciliationPage() {
  const report = useReconciliationReport();
  return (
    <Stack gap="md">
      <PageHeader
        title="Payments reconciliation"
        description="Our top-ups and refunds compared with Razorpay, daily at 08:00 IST."
      />
      <QueryState query={report}>
        {(data) =>
          !data.runAt ? (
            <Alert color="gray" title="Not run yet">
              The first daily reconciliation has not run on this installation.
            </Alert>
          ) : (
            <Stack gap="sm">
              <Text size="sm">Last run: {formatDateTimeIst(data.runAt)}</Text>
              {data.mismatches.length === 0 ? (
                <Alert color="green" title="Everything matches">
                  Every top-up and refund agrees with Razorpay.
                </Alert>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped aria-label="Mismatches with Razorpay">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Finding</Table.Th>
                        <Table.Th>Top-up</Table.Th>
                        <Table.Th>Razorpay id</Table.Th>
                        <Table.Th>Detail</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.mismatches.map((m, index) => (
                        <Table.Tr key={`${m.kind}-${m.topupId ?? ''}-${m.refundId ?? ''}-${index}`}>
                          <Table.Td>
                            <Badge color={healed.has(m.kind) ? 'blue' : 'orange'} variant="light">
                              {humanise(m.kind)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" ff="monospace">
                              {m.topupId ?? '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" ff="monospace">
                              {m.gatewayId ?? '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td>{m.detail}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
