import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import { isApiProblem } from '../../api/problem';
import { AppDialog } from '../../components/app-dialog';
import { openConfirm } from '../../components/confirm';
import { formatCount } from '../../lib/format';
import { notifySuccess } from '../../lib/forms';
import { LocationForm } from './location-form';
import { useArchiveLocation, type Location } from './locations.queries';

/** The figures LOCATION_HOLDS_STOCK carries in its `stock` extension. */
interface StockHeld {
  onHand: number;
  reserved: number;
  inTransit: number;
  parts: number;
}

function stockHeldOf(error: unknown): StockHeld | undefined {
  if (!isApiProblem(error) || error.code !== 'LOCATION_HOLDS_STOCK') return undefined;
  return error.extensions.stock as StockHeld | undefined;
}

/** The dialog that edits `location`, opened with its values (null: closed). */
export function EditLocationDialog({
  location,
  onClose,
}: {
  location: Location | null;
  onClose: () => void;
}) {
  return (
    <AppDialog opened={location !== null} onClose={onClose} title="Edit location" size="lg">
      {location && <LocationForm location={location} onSaved={onClose} />}
    </AppDialog>
  );
}

/** Asks, then archives; a location that still holds stock is explained with its figures. */
export function useConfirmArchive() {
  const archive = useArchiveLocation();
  return (location: Location) =>
    openConfirm({
      title: `Archive “${location.name}”?`,
      children: (
        <Text size="sm">
          It disappears from lists and pickers and takes no more stock. Its movements and history
          stay. A location that still holds stock cannot be archived.
        </Text>
      ),
      labels: { confirm: 'Archive location', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        archive.mutate(location.id, {
          onSuccess: () => notifySuccess(`Location “${location.name}” archived`),
          onError: (error) => {
            const stock = stockHeldOf(error);
            notifications.show({
              color: 'red',
              title: 'Not archived',
              message: stock
                ? `“${location.name}” still holds ${formatCount(stock.onHand)} on hand, ` +
                  `${formatCount(stock.reserved)} reserved and ${formatCount(stock.inTransit)} ` +
                  `in transit (${formatCount(stock.parts)} parts). Move or count the stock out first.`
                : error.message,
            });
          },
        });
      },
    });
}

/** Edit and Archive buttons of one location (for callers that hold `locations.write`). */
export function LocationRowActions({
  location,
  onEdit,
  onArchive,
}: {
  location: Location;
  onEdit: (location: Location) => void;
  onArchive: (location: Location) => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconPencil size={14} aria-hidden />}
        aria-label={`Edit ${location.name}`}
        onClick={() => onEdit(location)}
      >
        Edit
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        leftSection={<IconArchive size={14} aria-hidden />}
        aria-label={`Archive ${location.name}`}
        onClick={() => onArchive(location)}
      >
        Archive
      </Button>
    </Group>
  );
}
