import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateIst, formatPaise, formatWeightGrams } from '../../lib/format';
import { zoneLabels, type Quote, type Zone } from './pricing.queries';

const payerLabels = {
  brand: 'The brand pays',
  partner: 'The returning partner pays',
  customer: 'The customer pays',
} as const;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

/** A quote as the engine explains it: zone and weights, then every line down to the total. */
export function QuoteResult({ quote }: { quote: Quote }) {
  const detail = quote.zoneDetail;
  const route = `${detail.originCity} → ${detail.destinationCity}`;
  const why = detail.specialRegion
    ? `${route} (${detail.specialRegion})`
    : detail.originMetro && detail.destinationMetro
      ? `${route} (${detail.originMetro} / ${detail.destinationMetro})`
      : route;
  return (
    <Card withBorder padding="md" aria-labelledby="quote-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h3" id="quote-title">
              {formatPaise(quote.totalPaise)}
            </Title>
            <Text size="sm" c="dimmed">
              Total including GST
            </Text>
          </Stack>
          {quote.payer && (
            <Badge variant="light" color="grape">
              {payerLabels[quote.payer]}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label="Zone" value={zoneLabels[quote.zone as Zone]} />
          <Fact label="Route" value={why} />
          <Fact
            label="Chargeable weight"
            value={`${formatWeightGrams(quote.chargeableWeightGrams)} (billed ${formatWeightGrams(quote.billedWeightGrams)})`}
          />
          <Fact
            label="Rate card"
            value={`Version ${quote.rateCardVersion.number}, from ${formatDateIst(quote.rateCardVersion.effectiveFrom)}`}
          />
        </SimpleGrid>
        {quote.boxes.length > 1 && (
          <Text size="sm" c="dimmed">
            Per box:{' '}
            {quote.boxes
              .map(
                (box, i) =>
                  `box ${i + 1} ${formatWeightGrams(box.chargeableGrams)} (actual ${formatWeightGrams(box.actualGrams)}, volumetric ${formatWeightGrams(box.volumetricGrams)})`,
              )
              .join('; ')}
          </Text>
        )}
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Caption>Price breakdown</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col" ta="right">
                  Amount
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quote.breakdown.map((line) => (
                <Table.Tr key={line.code}>
                  <Table.Td>{line.label}</Table.Td>
                  <Table.Td ta="right">{formatPaise(line.amountPaise)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">Total</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatPaise(quote.totalPaise)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
