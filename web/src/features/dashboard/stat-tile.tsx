import { Anchor, Paper, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';

/**
 * One figure of the dashboard, computed from a real API response. While it loads it shows a
 * skeleton, on failure "unavailable" — never a made-up number.
 */
export function StatTile<T>({
  label,
  query,
  value,
  hint,
  to,
}: {
  label: string;
  query: UseQueryResult<T>;
  value: (data: T) => string;
  hint?: (data: T) => string | null;
  to?: string;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {query.isPending ? (
        <Skeleton height={30} mt={6} width={80} />
      ) : query.isError ? (
        <Text size="sm" c="red" mt={6} role="alert">
          Unavailable
        </Text>
      ) : (
        <>
          <Text fz={28} fw={700} mt={2} data-testid={`stat-${label}`}>
            {value(query.data)}
          </Text>
          {hint?.(query.data) && (
            <Text size="xs" c="dimmed">
              {hint(query.data)}
            </Text>
          )}
        </>
      )}
      {to && (
        <Anchor component={Link} to={to} size="xs">
          View
        </Anchor>
      )}
    </Paper>
  );
}
