import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Collected } from '../../api/list';
import { PageHeader } from '../../components/page-header';
import { BarChart, DonutChart } from './lazy-charts';
import { StatTile } from './stat-tile';
import { EmptyState } from '../../components/query-state';
import { formatCount, formatPaiseWhole, humanise } from '../../lib/format';
import { useMe } from '../../session/session-context';
import {
  useLocationsList,
  usePartnersList,
  usePendingAccessRequests,
  usePlatformOrganizations,
  useStockSummary,
  useTeamMembers,
} from './dashboard-queries';
import { stockValueHint } from './stock-value-hint';
import { can } from '../../session/capabilities';
import { useWallet } from '../wallet/wallet.queries';

const countOf = (data: Collected<unknown>) =>
  `${formatCount(data.items.length)}${data.truncated ? '+' : ''}`;

const statusColours: Record<string, string> = {
  active: 'green.6',
  pending: 'yellow.6',
  suspended: 'orange.6',
  revoked: 'gray.5',
};

function tally<T>(items: T[], key: (item: T) => string): { name: string; value: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, value]) => ({ name, value }));
}

/** A chart's figures in words, for its text alternative: "3 active, 1 pending". */
function inWords(slices: { name: string; value: number }[]): string {
  return slices
    .map((slice) => `${formatCount(slice.value)} ${humanise(slice.name).toLowerCase()}`)
    .join(', ');
}

function ChartPanel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The first page after signing in, per organization type. Every figure is read from an existing
 * API; capabilities that do not exist yet (shipments) add their figures when they do.
 */
export function DashboardPage() {
  const me = useMe();
  const type = me.organization.type;
  const isPlatform = type === 'platform';
  const hasNetwork = type === 'brand' || type === 'distributor' || type === 'service_center';
  const locations = useLocationsList(!isPlatform);
  const team = useTeamMembers();
  const partners = usePartnersList(hasNetwork);
  const organizations = usePlatformOrganizations(isPlatform);
  // Brands' deciders see requests to decide; partners who may ask see their own.
  const seesRequests = can(me, 'network.decide') || can(me, 'network.request_access');
  const pendingRequests = usePendingAccessRequests(seesRequests);
  const holdsStock = can(me, 'stock.read');
  const stock = useStockSummary(holdsStock);
  const hasWallet = can(me, 'wallet.read');
  const wallet = useWallet(hasWallet);

  const partnerStatus = partners.data ? tally(partners.data.items, (p) => p.status) : [];
  const organizationTypes = organizations.data
    ? tally(organizations.data.items, (o) => humanise(o.type))
    : [];

  return (
    <Stack gap="lg">
      <PageHeader
        documentTitle="Dashboard"
        title={`Welcome, ${me.user.name.split(' ')[0] ?? me.user.name}`}
        description={`${me.organization.name} · ${humanise(type)} · you are ${humanise(me.role).toLowerCase()}`}
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
        {hasNetwork && (
          <StatTileActivePartners
            label={type === 'brand' ? 'Active partners' : 'Brands you serve'}
            query={partners}
          />
        )}
        {seesRequests && (
          <StatTile
            label={type === 'brand' ? 'Access requests to decide' : 'Access requests waiting'}
            query={pendingRequests}
            value={countOf}
            to="/network"
          />
        )}
        {holdsStock && (
          <>
            <StatTile
              label="Stock value"
              query={stock}
              value={(data) => formatPaiseWhole(data.valuePaise)}
              hint={stockValueHint}
              to="/stock"
            />
            <StatTile
              label="Low-stock lines"
              query={stock}
              value={(data) => formatCount(data.lowStockLines)}
              to="/stock"
            />
          </>
        )}
        {hasWallet && (
          <>
            <StatTile
              label="Wallet available"
              query={wallet}
              value={(data) => formatPaiseWhole(data.availablePaise)}
              hint={(data) =>
                data.availablePaise <= data.lowBalanceThresholdPaise ? 'Low: top up soon' : null
              }
              to="/wallet"
            />
            <StatTile
              label="Wallet held"
              query={wallet}
              value={(data) => formatPaiseWhole(data.heldPaise)}
              hint={() => 'for bookings not yet charged'}
              to="/wallet"
            />
          </>
        )}
        {!isPlatform && (
          <StatTile label="Locations" query={locations} value={countOf} to="/locations" />
        )}
        <StatTile
          label="Team members"
          query={team}
          value={(data) => formatCount(data.items.length)}
        />
        {isPlatform && (
          <>
            <StatTile
              label="Organizations"
              query={organizations}
              value={countOf}
              to="/admin/organizations"
            />
            <StatTile
              label="Suspended"
              query={organizations}
              value={(data) =>
                formatCount(data.items.filter((item) => item.status === 'suspended').length)
              }
            />
          </>
        )}
      </SimpleGrid>
      {hasNetwork && partners.data && (
        <ChartPanel
          title={type === 'brand' ? 'Partners by status' : 'Brand relationships by status'}
        >
          {partnerStatus.length === 0 ? (
            <EmptyState title="No partners yet">
              {type === 'brand'
                ? 'Invite your distributors and service centres from the Partners page.'
                : 'Request access to a brand from the Brands page.'}
            </EmptyState>
          ) : (
            <DonutChart
              data={partnerStatus.map((slice) => ({
                name: humanise(slice.name),
                value: slice.value,
                color: statusColours[slice.name] ?? 'blue.6',
              }))}
              withLabelsLine
              withLabels
              withTooltip
              chartLabel={formatCount(partners.data.items.length)}
              aria-label={`Partners by status: ${inWords(partnerStatus)}`}
            />
          )}
        </ChartPanel>
      )}
      {isPlatform && organizations.data && (
        <ChartPanel title="Organizations by type">
          <BarChart
            h={240}
            data={organizationTypes.map((row) => ({ type: row.name, organizations: row.value }))}
            dataKey="type"
            series={[{ name: 'organizations', color: 'blue.6' }]}
            aria-label={`Organizations by type: ${inWords(organizationTypes)}`}
          />
        </ChartPanel>
      )}
      <Text size="xs" c="dimmed">
        Shipments and wallet figures appear here as those capabilities are switched on. Stock value
        is on hand at moving-average cost; units received without a cost count at the part’s list
        price.
      </Text>
    </Stack>
  );
}

function StatTileActivePartners({
  label,
  query,
}: {
  label: string;
  query: ReturnType<typeof usePartnersList>;
}) {
  return (
    <StatTile
      label={label}
      query={query}
      value={(data) => formatCount(data.items.filter((item) => item.status === 'active').length)}
      hint={(data) => {
        const pending = data.items.filter((item) => item.status === 'pending').length;
        return pending ? `${formatCount(pending)} pending` : null;
      }}
      to="/network"
    />
  );
}
