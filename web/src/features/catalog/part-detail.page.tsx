import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../api/problem';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTimeIst, formatPaise, formatWeightGrams } from '../../lib/format';
import { useMe } from '../../session/session-context';
import { usePart, type PartDetail } from './catalog.queries';
import { PartEditorDialog } from './part-editor-dialog';
import { PartImages } from './part-images';
import { SubstitutesDialog, SupersedeDialog } from './part-links-dialogs';
import { can } from '../../session/capabilities';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function PartLink({ id, partNumber }: { id: string; partNumber: string }) {
  return (
    <Anchor component={Link} to={`/catalog/parts/${id}`}>
      {partNumber}
    </Anchor>
  );
}

function Details({ part, canEdit }: { part: PartDetail; canEdit: boolean }) {
  return (
    <Stack gap="lg">
      <PageHeader
        title={part.partNumber}
        description={part.name}
        actions={
          canEdit && (
            <Group gap="xs" wrap="wrap">
              <PartEditorDialog part={part} />
              <SupersedeDialog part={part} />
              <SubstitutesDialog part={part} />
            </Group>
          )
        }
      />
      <Group gap="xs">
        <StatusBadge status={part.status} />
        {part.supersededBy && (
          <Text size="sm">
            Replaced by <PartLink {...part.supersededBy} /> ({part.supersededBy.name})
          </Text>
        )}
      </Group>
      {part.supersessionChain.length > 1 && (
        <Text size="sm">
          Supersession chain:{' '}
          {part.supersessionChain.map((link, index) => (
            <span key={link.id}>
              {index > 0 && ' → '}
              <PartLink {...link} />
            </span>
          ))}
        </Text>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Field label="Unit price">{formatPaise(part.unitPricePaise)}</Field>
          <Field label="MRP">{part.mrpPaise === null ? '—' : formatPaise(part.mrpPaise)}</Field>
          <Field label="GST">
            {part.gstRatePercent === null ? '—' : `${part.gstRatePercent}%`}
          </Field>
          <Field label="HSN code">{part.hsnCode ?? '—'}</Field>
          <Field label="Category">{part.category ?? '—'}</Field>
          <Field label="Weight">{formatWeightGrams(part.weightGrams)}</Field>
          <Field label="Dimensions (L × W × H)">
            {part.lengthCm} × {part.widthCm} × {part.heightCm} cm
          </Field>
          <Field label="Updated">{formatDateTimeIst(part.updatedAt)}</Field>
        </SimpleGrid>
        {part.description && (
          <Text size="sm" mt="md">
            {part.description}
          </Text>
        )}
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Compatible models
        </Title>
        {part.compatibleModels.length === 0 ? (
          <Text size="sm" c="dimmed">
            No models listed.
          </Text>
        ) : (
          <Group gap={6}>
            {part.compatibleModels.map((model) => (
              <Badge key={model} variant="outline" color="gray" tt="none">
                {model}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Substitutes
        </Title>
        {part.substitutes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No interchangeable parts.
          </Text>
        ) : (
          <Stack gap={4}>
            {part.substitutes.map((substitute) => (
              <Text size="sm" key={substitute.id}>
                <PartLink {...substitute} /> — {substitute.name}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      <PartImages part={part} canEdit={canEdit} />
    </Stack>
  );
}

/** One part: prices in ₹, tax, size, models, supersession, substitutes and images. */
export function PartDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const part = usePart(id);
  const canEdit = can(me, 'catalog.write');

  if (part.isError && isApiProblem(part.error) && part.error.status === 404)
    return (
      <Stack>
        <PageHeader title="Part not found" />
        <EmptyState title="This part is not in a catalog you can see">
          <Anchor component={Link} to="/catalog">
            Back to the catalog
          </Anchor>
        </EmptyState>
      </Stack>
    );

  return (
    <QueryState query={part}>{(data) => <Details part={data} canEdit={canEdit} />}</QueryState>
  );
}
