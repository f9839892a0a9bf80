import { Badge } from '@mantine/core';
import { humanise } from '../lib/format';

const colours: Record<string, string> = {
  active: 'green',
  accepted: 'green',
  approved: 'green',
  pending: 'yellow',
  suspended: 'orange',
  revoked: 'red',
  rejected: 'red',
  expired: 'gray',
};

/** A status as a Badge with its text (never colour alone): "Active", "Pending"… */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={colours[status] ?? 'gray'} variant="light">
      {humanise(status)}
    </Badge>
  );
}
