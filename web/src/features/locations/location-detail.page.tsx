import { Anchor, Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../api/problem';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state';
import { formatDateTimeIst, formatPhone } from '../../lib/format';
import { useLocation } from './locations.queries';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function NotFound() {
  return (
    <Stack gap="md">
      <PageHeader title="Location not found" />
      <EmptyState title="There is no such location in your organization">
        It may have been mistyped, or it belongs to another organization.{' '}
        <Anchor component={Link} to="/locations">
          See all locations
        </Anchor>
      </EmptyState>
    </Stack>
  );
}

function LocationDetail({ id }: { id: string }) {
  const location = useLocation(id);
  if (location.isPending) return <LoadingState />;
  if (location.isError) {
    // An unknown id answers 404; a malformed one 400 — both mean "no such location" here.
    const status = isApiProblem(location.error) ? location.error.status : 0;
    if (status === 404 || status === 400) return <NotFound />;
    return <ErrorState error={location.error} onRetry={() => void location.refetch()} />;
  }
  const { name, address, createdAt, archivedAt } = location.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={name}
        description={
          archivedAt
            ? `Added ${formatDateTimeIst(createdAt)} · archived ${formatDateTimeIst(archivedAt)}: it takes no more stock`
            : `Added ${formatDateTimeIst(createdAt)}`
        }
        actions={
          <Button
            component={Link}
            to="/locations"
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            All locations
          </Button>
        }
      />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label="Contact name">{address.contactName}</Field>
          <Field label="Phone">{formatPhone(address.phone)}</Field>
          <Field label="Address">
            {address.line1}
            {address.line2 ? `, ${address.line2}` : ''}
          </Field>
          <Field label="City">{address.city}</Field>
          <Field label="State">{address.state}</Field>
          <Field label="PIN code">{address.pincode}</Field>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

/** One location, `/locations/:id`. */
export function LocationDetailPage() {
  const { id = '' } = useParams();
  if (!uuidShape.test(id)) return <NotFound />;
  return <LocationDetail key={id} id={id} />;
}
