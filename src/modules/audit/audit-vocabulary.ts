/**
 * What the audit log's codes mean in words: THE label table of actions and entity types, used by
 * the API (`actionLabel`, `target.typeLabel`, `GET /api/v1/audit-log/vocabulary`) so clients
 * never keep a copy. Closed like the error codes: `recordAudit` takes an `AuditAction`, so a new
 * action without a label does not compile. Never rename an action (stored entries and clients'
 * filters name it); add one.
 */
export const auditActionCatalog = {
  'user.registered': { label: 'Account registered', entityType: 'user' },
  'user.email_verified': { label: 'E-mail address confirmed', entityType: 'user' },
  'user.password_changed': { label: 'Password changed', entityType: 'user' },
  'user.password_reset': { label: 'Password reset', entityType: 'user' },
  'session.revoked_all': { label: 'Signed out everywhere', entityType: 'user' },
  'session.organization_switched': { label: 'Switched organisation', entityType: 'user' },
  'organization.created': { label: 'Organisation created', entityType: 'organization' },
  'organization.updated': { label: 'Organisation profile edited', entityType: 'organization' },
  'organization.suspended': { label: 'Organisation suspended', entityType: 'organization' },
  'organization.reactivated': { label: 'Organisation reactivated', entityType: 'organization' },
  'membership.role_changed': { label: "Member's role changed", entityType: 'membership' },
  'membership.removed': { label: 'Member removed', entityType: 'membership' },
  'invitation.created': { label: 'Staff invitation sent', entityType: 'staff_invitation' },
  'invitation.resent': { label: 'Staff invitation resent', entityType: 'staff_invitation' },
  'invitation.revoked': { label: 'Staff invitation revoked', entityType: 'staff_invitation' },
  'invitation.accepted': { label: 'Staff invitation accepted', entityType: 'membership' },
  'api_key.created': { label: 'API key created', entityType: 'api_key' },
  'api_key.revoked': { label: 'API key revoked', entityType: 'api_key' },
  'location.created': { label: 'Location added', entityType: 'location' },
  'location.updated': { label: 'Location edited', entityType: 'location' },
  'location.archived': { label: 'Location archived', entityType: 'location' },
  'part.created': { label: 'Part created', entityType: 'part' },
  'part.updated': { label: 'Part edited', entityType: 'part' },
  'part.superseded': { label: 'Part superseded', entityType: 'part' },
  'part.substitutes_set': { label: 'Substitutes changed', entityType: 'part' },
  'part.image_added': { label: 'Part image added', entityType: 'part' },
  'part.image_deleted': { label: 'Part image removed', entityType: 'part' },
  'stock.adjusted': { label: 'Stock adjusted', entityType: 'stock_level' },
  'stock.thresholds_changed': { label: 'Reorder levels changed', entityType: 'stock_level' },
  'stock.counted': { label: 'Stock counted', entityType: 'stock_count' },
  'stock.transfer_sent': { label: 'Transfer sent', entityType: 'stock_transfer' },
  'stock.transfer_received': { label: 'Transfer received', entityType: 'stock_transfer' },
  // Integrators' reservations: the entity is their own document (`erp_order`, …).
  'stock.reserve': { label: 'Stock reserved', entityType: null },
  'stock.release': { label: 'Reservation released', entityType: null },
  'stock.consume': { label: 'Reserved stock consumed', entityType: null },
  'wallet.threshold_changed': { label: 'Low-balance alert changed', entityType: 'wallet' },
  'wallet.credited_manually': { label: 'Wallet credited by SpareFlow', entityType: 'wallet' },
  'wallet.debited_manually': { label: 'Wallet debited by SpareFlow', entityType: 'wallet' },
  'import.parts.finished': { label: 'Parts import finished', entityType: 'import_job' },
  'import.stock.finished': { label: 'Stock import finished', entityType: 'import_job' },
  'partner.access_requested': { label: 'Access requested', entityType: 'access_request' },
  'partner.approved': { label: 'Access request approved', entityType: 'access_request' },
  'partner.access_rejected': { label: 'Access request rejected', entityType: 'access_request' },
  'partner.invited': { label: 'Partner invited', entityType: 'partner_invitation' },
  'partner.invitation_resent': {
    label: 'Partner invitation resent',
    entityType: 'partner_invitation',
  },
  'partner.invitation_revoked': {
    label: 'Partner invitation revoked',
    entityType: 'partner_invitation',
  },
  'partner.invitation_accepted': {
    label: 'Partner invitation accepted',
    entityType: 'partner_invitation',
  },
  'partner.suspended': { label: 'Partner suspended', entityType: 'partner_link' },
  'partner.reactivated': { label: 'Partner reactivated', entityType: 'partner_link' },
  'partner.revoked': { label: 'Partnership ended', entityType: 'partner_link' },
  'rate_card.version_created': {
    label: 'Rate card version created',
    entityType: 'rate_card_version',
  },
  'payments.refund_requested': { label: 'Top-up refund requested', entityType: 'payment_refund' },
} as const satisfies Record<string, { label: string; entityType: string | null }>;

export type AuditAction = keyof typeof auditActionCatalog;
export const auditActions = Object.keys(auditActionCatalog) as AuditAction[];

/** Labels of the entity types entries are recorded against. */
export const auditEntityTypeLabels: Readonly<Record<string, string>> = {
  organization: 'Organisation',
  user: 'Person',
  membership: 'Member',
  staff_invitation: 'Staff invitation',
  api_key: 'API key',
  location: 'Location',
  part: 'Part',
  stock_level: 'Stock line',
  stock_count: 'Stock count',
  stock_transfer: 'Stock transfer',
  import_job: 'Import',
  wallet: 'Wallet',
  access_request: 'Access request',
  partner_invitation: 'Partner invitation',
  partner_link: 'Partnership',
  rate_card_version: 'Rate card version',
  payment_refund: 'Top-up refund',
};

/** "erp_order" → "Erp order": how a code nobody labelled still reads. */
function humanise(code: string): string {
  const words = code.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of an action; an action recorded before it was labelled reads as its words. */
export function auditActionLabel(action: string): string {
  return (
    (auditActionCatalog as Record<string, { label: string }>)[action]?.label ?? humanise(action)
  );
}

/** The label of an entity type; integrators' document types read as their words. */
export function auditEntityTypeLabel(entityType: string): string {
  return auditEntityTypeLabels[entityType] ?? humanise(entityType);
}
