import { ActionIcon, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { PickedPart } from '../catalog/part-picker';
import { StockPartField } from './stock-part-field';

export interface PartLine {
  part: PickedPart;
  quantity: number | string;
}

/** Lines of parts with a quantity each (transfers, counts); each part at most once. */
export function PartLines({
  lines,
  onChange,
  quantityLabel,
  min,
  error,
}: {
  lines: PartLine[];
  onChange: (lines: PartLine[]) => void;
  quantityLabel: string;
  min: number;
  error?: string;
}) {
  const [adding, setAdding] = useState<PickedPart | null>(null);
  return (
    <Stack gap="xs">
      {lines.map((line, index) => (
        <Group key={line.part.id} align="flex-end" wrap="nowrap">
          <Text size="sm" style={{ flex: 1 }}>
            {line.part.partNumber} — {line.part.name}
          </Text>
          <NumberInput
            label={`${quantityLabel} of ${line.part.partNumber}`}
            w={130}
            min={min}
            allowDecimal={false}
            value={line.quantity}
            onChange={(quantity) =>
              onChange(lines.map((item, at) => (at === index ? { ...item, quantity } : item)))
            }
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove ${line.part.partNumber}`}
            onClick={() => onChange(lines.filter((_, at) => at !== index))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <StockPartField
        label="Add a part"
        value={adding}
        error={error}
        onChange={(part) => {
          setAdding(null);
          if (part && !lines.some((line) => line.part.id === part.id))
            onChange([...lines, { part, quantity: '' }]);
        }}
      />
    </Stack>
  );
}

/** A problem with the lines, or null: at least one, every quantity a whole number ≥ min. */
export function linesProblem(lines: PartLine[], min: number): string | null {
  if (lines.length === 0) return 'Add at least one part';
  const bad = lines.find(
    (line) =>
      line.quantity === '' ||
      !Number.isInteger(Number(line.quantity)) ||
      Number(line.quantity) < min,
  );
  return bad ? `Enter a whole number of at least ${min} for ${bad.part.partNumber}` : null;
}
