import type { RoutePolicy } from '../../platform/http/route-policy.js';

/** Decisions about a brand's network (approve, reject, suspend, revoke…): its owners and admins. */
export const brandDecidesPolicy: RoutePolicy = {
  access: 'authenticated',
  capability: 'network.decide',
};
