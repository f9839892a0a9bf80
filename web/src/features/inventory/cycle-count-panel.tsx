import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/query-state';
import { formatDateTimeIst } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useCreateCount, type Count } from './inventory.queries';
import { LocationSelect, useLocationNames } from './location-select';
import { PartLines, linesProblem, type PartLine } from './part-lines';

function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

/** The recorded vs counted quantities of an applied count. */
function CountResult({ count, partNumbers }: { count: Count; partNumbers: Map<string, string> }) {
  const locationNames = useLocationNames();
  return (
    <Stack gap="xs">
      <Alert color="green" variant="light" title="Count applied">
        {locationNames.get(count.locationId) ?? 'Location'}, {formatDateTimeIst(count.createdAt)}.
        Differences were recorded as count movements.
      </Alert>
      <DataTable
        ariaLabel="Count result"
        idAccessor="partId"
        records={count.lines.map((line) => ({
          partId: line.partId,
          part: partNumbers.get(line.partId) ?? 'Part',
          recordedQuantity: line.recordedQuantity,
          countedQuantity: line.countedQuantity,
          difference: line.difference,
        }))}
        columns={[
          { accessor: 'part', title: 'Part', sortable: true },
          { accessor: 'recordedQuantity', title: 'Recorded', textAlign: 'right' },
          { accessor: 'countedQuantity', title: 'Counted', textAlign: 'right' },
          {
            accessor: 'difference',
            title: 'Difference',
            textAlign: 'right',
            sortable: true,
            render: (row) => signed(row.difference),
          },
        ]}
      />
    </Stack>
  );
}

/** A cycle count: the counted quantity of parts at a location; the server applies differences. */
export function CycleCountPanel({ canEdit }: { canEdit: boolean }) {
  const [locationId, setLocationId] = useState<string | null>(null);
  const [lines, setLines] = useState<PartLine[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ location?: string; lines?: string }>({});
  const [result, setResult] = useState<{ count: Count; partNumbers: Map<string, string> } | null>(
    null,
  );
  // Bumped after each applied count: the part search starts afresh for the next one.
  const [countNumber, setCountNumber] = useState(0);
  const create = useCreateCount();

  if (!canEdit)
    return (
      <EmptyState title="Counts are recorded by managers">
        Ask an owner, admin or manager of your organization to apply a cycle count.
      </EmptyState>
    );

  const submit = () => {
    const found = {
      location: locationId ? undefined : 'Choose the location you counted',
      lines: linesProblem(lines, 0) ?? undefined,
    };
    setErrors(found);
    if (found.location || found.lines || !locationId) return;
    const partNumbers = new Map(lines.map((line) => [line.part.id, line.part.partNumber]));
    create.mutate(
      {
        locationId,
        lines: lines.map((line) => ({
          partId: line.part.id,
          countedQuantity: Number(line.quantity),
        })),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (count) => {
          notifySuccess('The count was applied.');
          setResult({ count, partNumbers });
          setLines([]);
          setNote('');
          setCountNumber((number) => number + 1);
        },
        onError: (error) => showSubmitError(null, error),
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Count the shelf, enter what you found; the difference from the recorded stock is applied.
      </Text>
      <LocationSelect
        withAsterisk
        value={locationId}
        onChange={setLocationId}
        error={errors.location}
      />
      <PartLines
        key={countNumber}
        lines={lines}
        onChange={setLines}
        quantityLabel="Counted"
        min={0}
        error={errors.lines}
      />
      <Textarea
        label="Note"
        rows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Group>
        <Button onClick={submit} loading={create.isPending}>
          Apply count
        </Button>
      </Group>
      {result && <CountResult count={result.count} partNumbers={result.partNumbers} />}
    </Stack>
  );
}
