import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../session/session-context';
import { useLocations } from '../locations/locations.queries';
import { AdjustmentDialog } from './adjustment-dialog';
import { CycleCountPanel } from './cycle-count-panel';
import { MovementsPanel } from './movements-panel';
import { LowStock, StockByLocation, StockByPart } from './stock-views';
import { TransfersPanel } from './transfers-panel';
import { can } from '../../session/capabilities';

/** Stock of the organization: by location, by part, low stock, the ledger, transfers, counts. */
export function StockPage() {
  const me = useMe();
  const canEdit = can(me, 'stock.write');
  const [chosenLocationId, setLocationId] = useState<string | null>(null);
  // Until someone picks one, the first location is shown: the page opens on stock, not a blank.
  const locations = useLocations();
  const locationId = chosenLocationId ?? locations.data?.items[0]?.id ?? null;

  return (
    <Stack gap="md">
      <PageHeader
        title="Stock"
        description="On hand, reserved and in transit at each of your locations."
        // Only a location someone chose is context for the dialog; the default shown is not.
        actions={canEdit && <AdjustmentDialog locationId={chosenLocationId} />}
      />
      {/* Only the open tab is mounted, so only its data is fetched. */}
      <Tabs defaultValue="location" keepMounted={false}>
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          <Tabs.Tab value="location">By location</Tabs.Tab>
          <Tabs.Tab value="part">By part</Tabs.Tab>
          <Tabs.Tab value="low">Low stock</Tabs.Tab>
          <Tabs.Tab value="movements">Movements</Tabs.Tab>
          <Tabs.Tab value="transfers">Transfers</Tabs.Tab>
          <Tabs.Tab value="count">Cycle count</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="location" pt="md">
          <StockByLocation locationId={locationId} onLocationChange={setLocationId} />
        </Tabs.Panel>
        <Tabs.Panel value="part" pt="md">
          <StockByPart />
        </Tabs.Panel>
        <Tabs.Panel value="low" pt="md">
          <LowStock />
        </Tabs.Panel>
        <Tabs.Panel value="movements" pt="md">
          <MovementsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="transfers" pt="md">
          <TransfersPanel canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="count" pt="md">
          <CycleCountPanel canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
