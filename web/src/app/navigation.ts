import {
  IconAddressBook,
  IconScale,
  IconBoxSeam,
  IconBuilding,
  IconBuildingStore,
  IconCoinRupee,
  IconDashboard,
  IconFileImport,
  IconFileInvoice,
  IconHistory,
  IconKey,
  IconMail,
  IconMapPin,
  IconNetwork,
  IconPackage,
  IconReceipt2,
  IconTruckDelivery,
  IconUsers,
  IconWallet,
  type Icon,
} from '@tabler/icons-react';
import type { Me } from '../session/session-store';
import { can } from '../session/capabilities';

export interface SystemFlags {
  sandboxMailbox: boolean;
}

export interface NavItem {
  path: string;
  label: string;
  icon: Icon;
  /** Whether this person, in the organization they are signed in to, may use the page. */
  visible: (me: Me, system: SystemFlags) => boolean;
}

const isPartner = (me: Me) =>
  me.organization.type === 'distributor' || me.organization.type === 'service_center';

/**
 * The navigation, by the capabilities `/me` lists (derived from the API's route policies), so
 * nobody is offered a page whose calls would all answer 403; the API still decides. The
 * organization type only chooses labels and leaves out pages of no use to the platform.
 */
export const navigation: NavItem[] = [
  { path: '/', label: 'Dashboard', icon: IconDashboard, visible: () => true },
  {
    path: '/network',
    label: 'Partners',
    icon: IconNetwork,
    visible: (me) => me.organization.type === 'brand' && can(me, 'network.read'),
  },
  {
    path: '/network',
    label: 'Brands',
    icon: IconBuildingStore,
    visible: (me) => isPartner(me) && can(me, 'network.read'),
  },
  {
    path: '/catalog',
    label: 'Catalog',
    icon: IconPackage,
    visible: (me) => me.organization.type !== 'platform' && can(me, 'catalog.read'),
  },
  {
    path: '/stock',
    label: 'Stock',
    icon: IconBoxSeam,
    visible: (me) => can(me, 'stock.read'),
  },
  {
    path: '/wallet',
    label: 'Wallet',
    icon: IconWallet,
    visible: (me) => can(me, 'wallet.read'),
  },
  {
    path: '/imports',
    label: 'Imports',
    icon: IconFileImport,
    visible: (me) => can(me, 'catalog.import') || can(me, 'stock.import'),
  },
  {
    path: '/invoices',
    label: 'Invoices',
    icon: IconFileInvoice,
    visible: (me) => can(me, 'invoices.read'),
  },
  {
    path: '/locations',
    label: 'Locations',
    icon: IconMapPin,
    visible: (me) => me.organization.type !== 'platform' && can(me, 'locations.read'),
  },
  {
    path: '/rates',
    label: 'Shipping quote',
    icon: IconTruckDelivery,
    visible: (me) => can(me, 'rates.quote'),
  },
  {
    path: '/admin/organizations',
    label: 'Organizations',
    icon: IconBuilding,
    visible: (me) => can(me, 'platform.organizations'),
  },
  {
    path: '/admin/rate-cards',
    label: 'Rate cards',
    icon: IconReceipt2,
    visible: (me) => can(me, 'rates.manage'),
  },
  {
    path: '/admin/ledger',
    label: 'Ledger',
    icon: IconCoinRupee,
    visible: (me) => can(me, 'ledger.read'),
  },
  {
    path: '/admin/payments/reconciliation',
    label: 'Payments reconciliation',
    icon: IconScale,
    visible: (me) => can(me, 'payments.reconcile'),
  },
  {
    path: '/team',
    label: 'Team',
    icon: IconUsers,
    visible: (me) => can(me, 'team.manage'),
  },
  {
    path: '/organization',
    label: 'Organization profile',
    icon: IconAddressBook,
    visible: (me) => can(me, 'organization.read'),
  },
  {
    path: '/api-keys',
    label: 'API keys',
    icon: IconKey,
    visible: (me) => me.organization.type !== 'platform' && can(me, 'api_keys.manage'),
  },
  {
    path: '/audit-log',
    label: 'Audit log',
    icon: IconHistory,
    visible: (me) => can(me, 'audit.read'),
  },
  {
    path: '/sandbox/mailbox',
    label: 'Sandbox mailbox',
    icon: IconMail,
    visible: (_me, system) => system.sandboxMailbox,
  },
];

export function visibleNavigation(me: Me, system: SystemFlags): NavItem[] {
  return navigation.filter((item) => item.visible(me, system));
}
