import {
  IconAddressBook,
  IconBoxSeam,
  IconBuilding,
  IconBuildingStore,
  IconDashboard,
  IconFileImport,
  IconHistory,
  IconKey,
  IconMail,
  IconMapPin,
  IconNetwork,
  IconPackage,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Me } from '../session/session-store';

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

const ownersAndAdmins = ['owner', 'admin'];
const isPartner = (me: Me) =>
  me.organization.type === 'distributor' || me.organization.type === 'service_center';

/**
 * The navigation, by organization type and role. It mirrors the API's route policies so nobody
 * is offered a page whose calls would all answer 403; the API still decides.
 */
export const navigation: NavItem[] = [
  { path: '/', label: 'Dashboard', icon: IconDashboard, visible: () => true },
  {
    path: '/network',
    label: 'Partners',
    icon: IconNetwork,
    visible: (me) => me.organization.type === 'brand',
  },
  { path: '/network', label: 'Brands', icon: IconBuildingStore, visible: isPartner },
  {
    path: '/catalog',
    label: 'Catalog',
    icon: IconPackage,
    visible: (me) => me.organization.type !== 'platform',
  },
  {
    path: '/stock',
    label: 'Stock',
    icon: IconBoxSeam,
    // Organizations that hold stock at their locations (the inventory routes' policy).
    visible: (me) => ['brand', 'distributor', 'service_center'].includes(me.organization.type),
  },
  {
    path: '/imports',
    label: 'Imports',
    icon: IconFileImport,
    // Bulk CSV of parts and stock: brand owners, admins and managers (the import routes' roles).
    visible: (me) =>
      me.organization.type === 'brand' && ['owner', 'admin', 'manager'].includes(me.role),
  },
  {
    path: '/locations',
    label: 'Locations',
    icon: IconMapPin,
    visible: (me) => me.organization.type !== 'platform',
  },
  {
    path: '/admin/organizations',
    label: 'Organizations',
    icon: IconBuilding,
    visible: (me) => me.organization.type === 'platform' && ownersAndAdmins.includes(me.role),
  },
  {
    path: '/team',
    label: 'Team',
    icon: IconUsers,
    visible: (me) => ownersAndAdmins.includes(me.role),
  },
  {
    path: '/organization',
    label: 'Organization profile',
    icon: IconAddressBook,
    visible: () => true,
  },
  {
    path: '/api-keys',
    label: 'API keys',
    icon: IconKey,
    visible: (me) => ownersAndAdmins.includes(me.role) && me.organization.type !== 'platform',
  },
  {
    path: '/audit-log',
    label: 'Audit log',
    icon: IconHistory,
    visible: (me) => ownersAndAdmins.includes(me.role),
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
