import { cityKey } from '../../platform/geo/city-names.js';
import { zones, type RateCardTerms } from './rate-card.js';

/** A broken rule of a rate card, named by its path in the request body. */
export interface RateCardIssue {
  path: string;
  message: string;
}

/**
 * The rules a rate card must keep beyond field ranges (the route schema checks those), so that
 * the engine's promises hold for every stored version:
 * - in every service, the first-slab and additional-slab prices never decrease from zone to
 *   farther zone (a farther destination never costs less);
 * - service types, markup rules (by brand × type), metro cities and special states are unique;
 * - a default markup rule (no brand, no type) exists, so every payer has a rule.
 */
export function rateCardIssues(terms: RateCardTerms): RateCardIssue[] {
  const issues: RateCardIssue[] = [];
  const seenServices = new Set<string>();
  terms.services.forEach((service, s) => {
    if (seenServices.has(service.serviceType))
      issues.push({ path: `body.services.${s}.serviceType`, message: 'Listed twice.' });
    seenServices.add(service.serviceType);
    for (const price of ['firstSlabPaise', 'additionalSlabPaise'] as const)
      zones.forEach((zone, z) => {
        const nearer = zones[z - 1];
        if (nearer && service.slabs[zone][price] < service.slabs[nearer][price])
          issues.push({
            path: `body.services.${s}.slabs.${zone}.${price}`,
            message: `Must not be less than ${nearer}'s (${service.slabs[nearer][price]} paise): a farther zone never costs less.`,
          });
      });
  });
  const seenRules = new Set<string>();
  terms.markupRules.forEach((rule, r) => {
    const key = `${rule.brandId ?? '*'}|${rule.partyType ?? '*'}`;
    if (seenRules.has(key))
      issues.push({
        path: `body.markupRules.${r}`,
        message: 'Another rule has the same brand and type.',
      });
    seenRules.add(key);
  });
  if (!seenRules.has('*|*'))
    issues.push({
      path: 'body.markupRules',
      message: 'A default rule (no brand, no partner type) is required.',
    });
  const seenCities = new Set<string>();
  terms.metroCities.forEach((metro, m) => {
    if (seenCities.has(cityKey(metro.city)))
      issues.push({ path: `body.metroCities.${m}.city`, message: 'Listed twice.' });
    seenCities.add(cityKey(metro.city));
  });
  const seenStates = new Set<string>();
  terms.specialRegions.forEach((region, r) => {
    if (seenStates.has(region.state))
      issues.push({ path: `body.specialRegions.${r}.state`, message: 'Listed twice.' });
    seenStates.add(region.state);
  });
  return issues;
}
