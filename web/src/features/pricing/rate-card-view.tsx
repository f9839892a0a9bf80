import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatPaise, formatWeightGrams, humanise } from '../../lib/format';
import { formatBps, zoneLabels, zoneOrder, type RateCardVersion } from './pricing.queries';

/** Groups "what" by "under": metro areas with their cities, regions with their states. */
function grouped<T>(rows: readonly T[], under: (row: T) => string, what: (row: T) => string) {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(under(row), [...(groups.get(under(row)) ?? []), what(row)]);
  return [...groups.entries()];
}

/** A version as administrators read it: surcharges, slabs per zone, markup rules, zone data. */
export function RateCardView({ card }: { card: RateCardVersion }) {
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Title order={3} size="h4" mb="xs">
          Surcharges
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Text size="sm">Fuel surcharge: {formatBps(card.fuelSurchargeBps)} of base freight</Text>
          <Text size="sm">
            COD fee: {formatPaise(card.cod.flatPaise)} or {formatBps(card.cod.percentBps)} of the
            COD value, whichever is higher
          </Text>
          <Text size="sm">Volumetric divisor: L × W × H / {card.volumetricDivisor}</Text>
        </SimpleGrid>
      </Card>
      {card.services.map((service) => (
        <Card withBorder padding="md" key={service.serviceType}>
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Caption>
                {service.label} ({service.serviceType}): first{' '}
                {formatWeightGrams(service.firstSlabGrams)}, then each additional{' '}
                {formatWeightGrams(service.additionalSlabGrams)}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Zone</Table.Th>
                  <Table.Th scope="col" ta="right">
                    First slab
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Each additional slab
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {zoneOrder.map((zone) => (
                  <Table.Tr key={zone}>
                    <Table.Th scope="row">{zoneLabels[zone]}</Table.Th>
                    <Table.Td ta="right">
                      {formatPaise(service.slabs[zone].firstSlabPaise)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatPaise(service.slabs[zone].additionalSlabPaise)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
      <Card withBorder padding="md">
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Caption>Platform markup rules (the most specific rule applies)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Brand</Table.Th>
                <Table.Th scope="col">Payer type</Table.Th>
                <Table.Th scope="col" ta="right">
                  Markup
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Minimum
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.markupRules.map((rule) => (
                <Table.Tr key={`${rule.brandId ?? '*'}-${rule.partyType ?? '*'}`}>
                  <Table.Td>
                    {rule.brandName ?? (rule.brandId ? rule.brandId : 'Every brand')}
                  </Table.Td>
                  <Table.Td>{rule.partyType ? humanise(rule.partyType) : 'Any'}</Table.Td>
                  <Table.Td ta="right">{formatBps(rule.percentBps)}</Table.Td>
                  <Table.Td ta="right">{formatPaise(rule.minimumPaise)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card withBorder padding="md" aria-labelledby="metro-list-title">
          <Title order={3} size="h4" mb="xs" id="metro-list-title">
            Metro list
          </Title>
          <Stack gap={6}>
            {grouped(
              card.metroCities,
              (m) => m.metro,
              (m) => m.city,
            ).map(([metro, cities]) => (
              <Group key={metro} gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {metro}:
                </Text>
                {cities.map((city) => (
                  <Badge key={city} variant="light">
                    {city}
                  </Badge>
                ))}
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder padding="md" aria-labelledby="special-regions-title">
          <Title order={3} size="h4" mb="xs" id="special-regions-title">
            Special regions
          </Title>
          <Stack gap={6}>
            {grouped(
              card.specialRegions,
              (r) => r.region,
              (r) => r.state,
            ).map(([region, states]) => (
              <Group key={region} gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {region}:
                </Text>
                {states.map((state) => (
                  <Badge key={state} variant="light" color="orange">
                    {state}
                  </Badge>
                ))}
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
