import { Stack } from '@mantine/core';
import { useState } from 'react';
import { EmptyState } from '../../components/query-state';
import type { PickedPart } from '../catalog/part-picker';
import { LevelsPanel } from './levels-panel';
import { LocationSelect } from './location-select';
import { StockPartField } from './stock-part-field';

/** A location (the first one until another is chosen) → its parts with on hand, reserved, available, in transit. */
export function StockByLocation({
  locationId,
  onLocationChange,
}: {
  locationId: string | null;
  onLocationChange: (id: string | null) => void;
}) {
  return (
    <Stack gap="md">
      <LocationSelect value={locationId} onChange={onLocationChange} />
      {locationId ? (
        <LevelsPanel
          ariaLabel="Stock at the location"
          filters={{ locationId }}
          empty={
            <EmptyState title="No stock at this location">
              Receive stock with “Adjust stock” (reason Receipt) or import a stock CSV.
            </EmptyState>
          }
        />
      ) : (
        <EmptyState title="No locations yet">
          Add a warehouse or service point under Locations to hold stock there.
        </EmptyState>
      )}
    </Stack>
  );
}

/** Choose a part → its stock at every location. */
export function StockByPart() {
  const [part, setPart] = useState<PickedPart | null>(null);
  return (
    <Stack gap="md">
      <StockPartField value={part} onChange={setPart} />
      {part ? (
        <LevelsPanel
          ariaLabel={`Stock of ${part.partNumber}`}
          filters={{ partId: part.id }}
          empty={
            <EmptyState title={`No stock of ${part.partNumber}`}>
              None of your locations holds this part yet.
            </EmptyState>
          }
        />
      ) : (
        <EmptyState title="Choose a part">
          Search by part number or name to see its stock across your locations.
        </EmptyState>
      )}
    </Stack>
  );
}

/** Levels at or below their reorder point (or minimum). */
export function LowStock() {
  return (
    <LevelsPanel
      ariaLabel="Low stock"
      filters={{ lowStock: true }}
      empty={
        <EmptyState title="Nothing is low on stock">
          Parts appear here when available stock falls to their reorder point. Set reorder points
          with “Thresholds” in the stock tables.
        </EmptyState>
      }
    />
  );
}
