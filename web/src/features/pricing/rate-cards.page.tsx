import { Badge, Button, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useDialogOpening } from '../../components/app-dialog';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDateTimeIst } from '../../lib/format';
import { NewRateCardDialog } from './new-rate-card-dialog';
import { RateCardView } from './rate-card-view';
import { useRateCard, useRateCards } from './pricing.queries';

const statusColors = { in_force: 'green', scheduled: 'blue', superseded: 'gray' } as const;
const statusLabels = { in_force: 'In force', scheduled: 'Scheduled', superseded: 'Superseded' };

/**
 * Platform administrators: the rate card's versions. A version never changes; a change is a new
 * version made from an existing one, effective now or later (ADR 0014).
 */
export function RateCardsPage() {
  const versions = useRateCards();
  const [chosen, setChosen] = useState<string | null>(null);
  const inForce = versions.data?.items.find((v) => v.status === 'in_force');
  const selectedId = chosen ?? inForce?.id ?? null;
  const selected = useRateCard(selectedId);
  const dialog = useDialogOpening();

  return (
    <Stack gap="md">
      <PageHeader
        title="Rate cards"
        description="Shipping prices by zone and weight, surcharges, markup rules and zone data. Every change is a new version; bookings keep the version they were priced with."
        actions={
          selected.data && (
            <Button onClick={dialog.open}>New version from version {selected.data.number}</Button>
          )
        }
      />
      <QueryState query={versions} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <Card withBorder padding="md">
            <Table.ScrollContainer minWidth={320}>
              <Table highlightOnHover>
                <Table.Caption>Versions, newest first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Version</Table.Th>
                    <Table.Th scope="col">Effective from</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Note</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((version) => (
                    <Table.Tr
                      key={version.id}
                      aria-current={version.id === selectedId ? 'true' : undefined}
                    >
                      <Table.Td>{version.number}</Table.Td>
                      <Table.Td>{formatDateTimeIst(version.effectiveFrom)}</Table.Td>
                      <Table.Td>
                        {/* A status is a word or two: never cut to "IN FO…" by a long note. */}
                        <Badge
                          variant="light"
                          color={statusColors[version.status]}
                          style={{ overflow: 'visible' }}
                          miw="max-content"
                        >
                          {statusLabels[version.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {version.note}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant={version.id === selectedId ? 'filled' : 'default'}
                          onClick={() => setChosen(version.id)}
                          aria-label={`Show version ${version.number}`}
                        >
                          Show
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </QueryState>
      {selectedId && (
        <QueryState query={selected}>
          {(card) => (
            <Stack gap="sm">
              <Group gap="xs">
                <Text fw={600}>
                  Version {card.number}, effective from {formatDateTimeIst(card.effectiveFrom)}
                </Text>
                <Badge variant="light" color={statusColors[card.status]}>
                  {statusLabels[card.status]}
                </Badge>
              </Group>
              <RateCardView card={card} />
              <NewRateCardDialog
                card={card}
                opened={dialog.opened}
                openingKey={dialog.openingId}
                onClose={dialog.close}
              />
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
