import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatPaise } from '../../lib/format';
import type { Wallet } from './wallet.queries';

/**
 * Balance, held and available: what the organization has, what bookings hold until they are
 * charged or released, and what new bookings may use. Read from the API, never computed here.
 */
export function WalletTiles({ wallet }: { wallet: UseQueryResult<Wallet> }) {
  const tiles = [
    { label: 'Balance', value: (data: Wallet) => data.balancePaise, hint: 'available + held' },
    {
      label: 'Held',
      value: (data: Wallet) => data.heldPaise,
      hint: 'for bookings not yet charged',
    },
    {
      label: 'Available',
      value: (data: Wallet) => data.availablePaise,
      hint: 'for new bookings',
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing={{ base: 'xs', sm: 'md' }}>
      {tiles.map((tile) => (
        <Paper key={tile.label} withBorder p="md" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {tile.label}
          </Text>
          {wallet.isPending ? (
            <Skeleton height={30} mt={6} width={120} />
          ) : wallet.isError ? (
            <Text size="sm" c="red" mt={6} role="alert">
              Unavailable
            </Text>
          ) : (
            <Text fz={28} fw={700} mt={2} data-testid={`wallet-${tile.label}`}>
              {formatPaise(tile.value(wallet.data))}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {tile.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
