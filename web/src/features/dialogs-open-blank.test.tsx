import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { WalletAdjustmentDialog } from './admin/wallet-adjustment-dialog';
import { CreateApiKeyDialog } from './api-keys/create-api-key-dialog';
import type { Part, PartDetail } from './catalog/catalog.queries';
import { PartEditorDialog } from './catalog/part-editor-dialog';
import { SubstitutesDialog, SupersedeDialog } from './catalog/part-links-dialogs';
import type { StockLevel } from './inventory/inventory.queries';
import { ThresholdsDialog } from './inventory/thresholds-dialog';
import { TransferDialog } from './inventory/transfer-dialog';
import { AddLocationDialog } from './locations/add-location-dialog';
import { InvitePartnerDialog } from './network/invite-partner-dialog';
import type { DirectoryBrand } from './network/network.queries';
import { RequestAccessDialog } from './network/request-access-dialog';
import { EditOrganizationDialog } from './organization/edit-organization-dialog';
import type { OrganizationProfile } from './organization/organization.queries';
import { InviteStaffDialog } from './team/invite-staff-dialog';
import { useDialogOpening } from '../components/app-dialog';
import { NewRateCardDialog } from './pricing/new-rate-card-dialog';
import type { RateCardVersion } from './pricing/pricing.queries';

// Every dialog of the app, the same way: open → type → close (×) → open again shows the blank form
// (or the saved value it was opened with), never the previous entry; focus starts on a field,
// not on the ×, which has a name.

vi.mock('../session/session-context', () => ({
  useMe: () => meOf('brand', 'owner'),
  session: { loadMe: async () => undefined },
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const slow = { timeout: 10_000 };
const ids = {
  location: '7f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  part: '3f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
  other: '4f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f',
};

const part = {
  id: ids.part,
  brandId: ids.location,
  partNumber: 'CMP-15',
  name: 'Compressor',
  description: null,
  category: null,
  hsnCode: '84143000',
  gstRatePercent: 18,
  unitPricePaise: 650000,
  mrpPaise: null,
  weightGrams: 9500,
  lengthCm: 30,
  widthCm: 25,
  heightCm: 40,
  compatibleModels: [],
  status: 'active',
  supersededByPartId: null,
  createdAt: '2026-11-26T03:00:00.000Z',
  updatedAt: '2026-11-26T03:00:00.000Z',
} as unknown as Part;
const detail = {
  ...part,
  supersededBy: null,
  supersessionChain: [],
  substitutes: [{ id: ids.other, partNumber: 'CMP-16', name: 'Compressor, larger' }],
  images: [],
} as unknown as PartDetail;
const level = {
  locationId: ids.location,
  partId: ids.part,
  partNumber: 'CMP-15',
  partName: 'Compressor',
  onHand: 10,
  reserved: 0,
  available: 10,
  inTransit: 0,
  minQuantity: 2,
  maxQuantity: 40,
  reorderPoint: 5,
  averageCostPaise: 0,
} as StockLevel;
const profile = {
  id: ids.location,
  type: 'brand',
  name: 'Voltas Cool',
  legalName: null,
  gstin: null,
  pan: null,
  contactEmail: 'ops@voltas.example.in',
  contactPhone: null,
  status: 'active',
  createdAt: '2026-10-01T05:00:00.000Z',
} as OrganizationProfile;
const brand = { id: ids.other, name: 'Godavari Electricals', relationship: null } as DirectoryBrand;

const slab = { firstSlabPaise: 6300, additionalSlabPaise: 5600 };
const rateCard = {
  id: ids.other,
  number: 1,
  effectiveFrom: '2000-01-01T00:00:00.000Z',
  status: 'in_force',
  basedOnId: null,
  note: '',
  createdAt: '2026-12-01T00:00:00.000Z',
  volumetricDivisor: 5000,
  fuelSurchargeBps: 1000,
  cod: { flatPaise: 3600, percentBps: 250 },
  services: [
    {
      serviceType: 'standard',
      label: 'Standard express',
      firstSlabGrams: 500,
      additionalSlabGrams: 500,
      slabs: {
        within_city: slab,
        within_state: slab,
        metro_to_metro: slab,
        rest_of_india: slab,
        special: slab,
      },
    },
  ],
  markupRules: [
    { brandId: null, partyType: null, percentBps: 1000, minimumPaise: 1000, brandName: null },
  ],
  metroCities: [{ city: 'Mumbai', metro: 'Mumbai' }],
  specialRegions: [{ state: 'Assam', region: 'North-East' }],
} as RateCardVersion;

function NewRateCardVersion() {
  const dialog = useDialogOpening();
  return (
    <>
      <Button onClick={dialog.open}>New version</Button>
      <NewRateCardDialog
        card={rateCard}
        opened={dialog.opened}
        openingKey={dialog.openingId}
        onClose={dialog.close}
      />
    </>
  );
}

/** Dialogs opened from a parent's state get a trigger of their own here. */
function Opened({
  label,
  children,
}: {
  label: string;
  children: (opened: boolean, close: () => void) => ReactElement;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button onClick={open}>{label}</Button>
      {children(opened, close)}
    </>
  );
}

function Chosen<T>({
  label,
  value,
  children,
}: {
  label: string;
  value: T;
  children: (chosen: T | null, close: () => void) => ReactElement;
}) {
  const [chosen, setChosen] = useState<T | null>(null);
  return (
    <>
      <Button onClick={() => setChosen(value)}>{label}</Button>
      {children(chosen, () => setChosen(null))}
    </>
  );
}

interface Case {
  name: string;
  ui: ReactElement;
  trigger: string;
  dialog: string;
  field: RegExp;
  /** What the field shows at every opening: '' for a new entry, the saved value for an edit. */
  initial: string;
  typed?: string;
}

const cases: Case[] = [
  {
    name: 'new transfer',
    ui: <TransferDialog />,
    trigger: 'New transfer',
    dialog: 'New transfer',
    field: /^Note/,
    initial: '',
  },
  {
    name: 'stock thresholds',
    ui: (
      <Chosen label="Thresholds" value={level}>
        {(chosen, close) => (
          <ThresholdsDialog level={chosen} locationName="Pune warehouse" onClose={close} />
        )}
      </Chosen>
    ),
    trigger: 'Thresholds',
    dialog: 'Stock thresholds',
    field: /^Minimum/,
    initial: '2',
    typed: '17',
  },
  {
    name: 'add part',
    ui: <PartEditorDialog />,
    trigger: 'Add part',
    dialog: 'Add part',
    field: /^Part number/,
    initial: '',
  },
  {
    name: 'edit part',
    ui: <PartEditorDialog part={part} />,
    trigger: 'Edit part',
    dialog: 'Edit CMP-15',
    field: /^Name/,
    initial: 'Compressor',
  },
  {
    name: 'supersede',
    ui: <SupersedeDialog part={detail} />,
    trigger: 'Supersede',
    dialog: 'Supersede CMP-15',
    field: /^Replaced by/,
    initial: '',
  },
  {
    name: 'invite staff',
    ui: (
      <Opened label="Invite">
        {(opened, close) => <InviteStaffDialog opened={opened} onClose={close} canInviteOwners />}
      </Opened>
    ),
    trigger: 'Invite',
    dialog: 'Invite staff',
    field: /^E-mail/,
    initial: '',
  },
  {
    name: 'invite partner',
    ui: (
      <Opened label="Invite">
        {(opened, close) => <InvitePartnerDialog opened={opened} onClose={close} />}
      </Opened>
    ),
    trigger: 'Invite',
    dialog: 'Invite partner',
    field: /^E-mail/,
    initial: '',
  },
  {
    name: 'request access',
    ui: (
      <Chosen label="Ask" value={brand}>
        {(chosen, close) => <RequestAccessDialog brand={chosen} onClose={close} />}
      </Chosen>
    ),
    trigger: 'Ask',
    dialog: 'Request access',
    field: /^Message/,
    initial: '',
  },
  {
    name: 'create API key',
    ui: <CreateApiKeyDialog />,
    trigger: 'Create API key',
    dialog: 'Create API key',
    field: /^Name/,
    initial: '',
  },
  {
    name: 'add location',
    ui: <AddLocationDialog />,
    trigger: 'Add location',
    dialog: 'Add location',
    field: /^Name/,
    initial: '',
  },
  {
    name: 'edit organization profile',
    ui: <EditOrganizationDialog profile={profile} />,
    trigger: 'Edit profile',
    dialog: 'Edit organization profile',
    field: /^Name/,
    initial: 'Voltas Cool',
  },
  {
    name: 'new rate card version',
    ui: <NewRateCardVersion />,
    trigger: 'New version',
    dialog: 'New version from version 1',
    field: /^Fuel surcharge/,
    initial: '10',
    typed: '12.5',
  },
  {
    name: 'adjust a wallet',
    ui: <WalletAdjustmentDialog />,
    trigger: 'Adjust a wallet',
    dialog: 'Adjust a wallet',
    field: /^Reason/,
    initial: '',
  },
];

function server() {
  return fakeServer((request) => {
    if (request.path.startsWith('/api/v1/locations'))
      return jsonResponse(200, {
        items: [{ id: ids.location, name: 'Pune warehouse', address: {} }],
        nextCursor: null,
      });
    if (request.path.startsWith('/api/v1/parts'))
      return jsonResponse(200, {
        items: [{ id: ids.other, partNumber: 'CMP-16', name: 'Compressor, larger' }],
        nextCursor: null,
      });
    return undefined;
  });
}

/** The field's text box (a Select's listbox shares its label). */
function fieldOf(dialog: HTMLElement, label: RegExp): HTMLInputElement | HTMLTextAreaElement {
  const field = within(dialog)
    .getAllByLabelText(label)
    .find((element) => element.tagName === 'INPUT' || element.tagName === 'TEXTAREA');
  if (!field) throw new Error(`no field ${String(label)}`);
  return field as HTMLInputElement;
}

async function openDialog(user: ReturnType<typeof userEvent.setup>, item: Case) {
  await user.click(screen.getByRole('button', { name: item.trigger }));
  return screen.findByRole('dialog', { name: item.dialog }, slow);
}

describe('every dialog opens blank, never with the previous entry', { timeout: 30_000 }, () => {
  for (const item of cases)
    it(`${item.name}: open → type → close (×) → open again`, async () => {
      server();
      const user = userEvent.setup();
      renderWithProviders(item.ui);
      let dialog = await openDialog(user, item);
      // The × is named and does not take the focus: a field of the form does.
      expect(within(dialog).getByRole('button', { name: 'Close dialog' })).toBeInTheDocument();
      await waitFor(() => {
        const focused = document.activeElement;
        expect(dialog.contains(focused)).toBe(true);
        expect(['INPUT', 'TEXTAREA']).toContain(focused?.tagName);
      }, slow);
      expect(fieldOf(dialog, item.field).value).toBe(item.initial);

      const typed = item.typed ?? 'Typed before closing';
      await user.clear(fieldOf(dialog, item.field));
      await user.type(fieldOf(dialog, item.field), typed);
      expect(fieldOf(dialog, item.field).value).toBe(typed);
      await user.click(within(dialog).getByRole('button', { name: 'Close dialog' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), slow);

      dialog = await openDialog(user, item);
      expect(fieldOf(dialog, item.field).value).toBe(item.initial);
    });

  it('substitutes: a removal not saved is gone at the next opening', async () => {
    server();
    const user = userEvent.setup();
    renderWithProviders(<SubstitutesDialog part={detail} />);
    const item = { trigger: 'Substitutes', dialog: 'Substitutes of CMP-15' } as Case;
    let dialog = await openDialog(user, item);
    await user.click(within(dialog).getByRole('button', { name: 'Remove CMP-16' }));
    expect(within(dialog).queryByText('CMP-16 — Compressor, larger')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), slow);
    dialog = await openDialog(user, item);
    expect(within(dialog).getByText('CMP-16 — Compressor, larger')).toBeInTheDocument();
  });
});
