/**
 * The vocabulary of who may do what, shared by the platform's route policies and the identity
 * module that stores it: the kinds of organization on SpareFlow and the roles of their members.
 */
export const organizationTypes = [
  'platform',
  'brand',
  'distributor',
  'service_center',
  'customer',
] as const;
export type OrganizationType = (typeof organizationTypes)[number];

export const memberRoles = ['owner', 'admin', 'manager', 'operator', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];
