import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { usePartnerBrands } from '../catalog/catalog.queries';
import { PartPicker, type PickedPart } from '../catalog/part-picker';
import { useMe } from '../../session/session-context';

/**
 * A part to hold stock of. Brands search their own catalog; distributors and service centres
 * search the catalog of one of their active brands (a Brand chooser when they have several).
 */
export function StockPartField({
  value,
  onChange,
  error,
  label = 'Part',
  withAsterisk,
}: {
  value: PickedPart | null;
  onChange: (part: PickedPart | null) => void;
  error?: string;
  label?: string;
  withAsterisk?: boolean;
}) {
  const me = useMe();
  const isPartner =
    me.organization.type === 'distributor' || me.organization.type === 'service_center';
  const brands = usePartnerBrands(isPartner);
  const [chosenBrand, setChosenBrand] = useState<string | null>(null);
  const brandId = isPartner ? (chosenBrand ?? brands.data?.[0]?.brandId) : undefined;

  if (isPartner && brands.data?.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Parts come from your brands’ catalogs: become an active partner of a brand first.
      </Text>
    );

  return (
    <Stack gap="xs">
      {isPartner && (brands.data?.length ?? 0) > 1 && (
        <Select
          label="Brand"
          data={(brands.data ?? []).map((brand) => ({ value: brand.brandId, label: brand.name }))}
          value={brandId ?? null}
          onChange={(id) => {
            setChosenBrand(id);
            onChange(null);
          }}
          allowDeselect={false}
        />
      )}
      <PartPicker
        label={label}
        withAsterisk={withAsterisk}
        value={value}
        onChange={onChange}
        brandId={brandId}
        searchEnabled={!isPartner || Boolean(brandId)}
        error={error}
      />
    </Stack>
  );
}
