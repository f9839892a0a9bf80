import { EmptyState } from '../../components/query-state';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../session/session-context';
import { BrandNetwork } from './brand-network';
import { PartnerNetwork } from './partner-network';

/** `/network`: "Partners" for a brand, "Brands" for a distributor or service centre. */
export function NetworkPage() {
  const me = useMe();
  if (me.organization.type === 'brand') return <BrandNetwork />;
  if (me.organization.type === 'distributor' || me.organization.type === 'service_center')
    return <PartnerNetwork />;
  return (
    <>
      <PageHeader title="Network" />
      <EmptyState title="Not for this organization">
        Partner networks link brands with their distributors and service centres.
      </EmptyState>
    </>
  );
}
