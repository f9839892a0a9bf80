import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { isValidPincode, normalisePhone } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { indianStates } from './indian-states';
import {
  initialLocationValues,
  locationPatchBody,
  newLocationBody,
  type LocationFormValues,
} from './location-form-values';
import {
  useCreateLocation,
  useUpdateLocation,
  type Location,
  type SavedLocation,
} from './locations.queries';
import { usePincodeFill } from './use-pincode-fill';

const required = (what: string) => (value: string) => (value.trim() ? null : `Enter the ${what}`);

/** What the server accepted but would have the user look at again (a city India Post files otherwise). */
function showWarnings(saved: SavedLocation) {
  for (const warning of saved.warnings)
    notifications.show({ color: 'yellow', title: 'Check the address', message: warning.message });
}

/**
 * The location form, blank to add one or with `location`'s values to edit it. Checks mirror the
 * API (src/modules/locations/location.schemas.ts): Indian phone (+91 and 10 digits), 6-digit PIN
 * not starting with 0, a state from the list. A complete PIN is looked up in India Post's
 * directory to fill the state and city and to suggest the city. Field names follow the request
 * body, so server errors like `address.pincode` land in place.
 */
export function LocationForm({ location, onSaved }: { location?: Location; onSaved: () => void }) {
  const create = useCreateLocation();
  const update = useUpdateLocation(location?.id ?? '');
  const form = useForm<LocationFormValues>({
    initialValues: initialLocationValues(location),
    validate: {
      name: required('location’s name'),
      address: {
        contactName: required('contact person’s name'),
        phone: (value) =>
          normalisePhone(value) ? null : 'Enter a 10-digit Indian phone number, like 98765 43210',
        line1: required('first address line'),
        city: required('city'),
        state: (value) => (value ? null : 'Choose the state or union territory'),
        pincode: (value) => (isValidPincode(value) ? null : 'Enter the 6-digit PIN code'),
      },
    },
  });
  const { address } = form.getValues();
  const suggestedCity = usePincodeFill(form, address.pincode, address.city);

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = location
        ? await update.mutateAsync(locationPatchBody(values))
        : await create.mutateAsync(newLocationBody(values));
      notifySuccess(location ? `Location “${saved.name}” saved` : `Location “${saved.name}” added`);
      showWarnings(saved);
      onSaved();
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="e.g. Pune warehouse"
          required
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Contact name"
            autoComplete="name"
            required
            {...form.getInputProps('address.contactName')}
          />
          <TextInput
            label="Phone"
            type="tel"
            autoComplete="tel"
            leftSection="+91"
            leftSectionWidth={42}
            required
            {...form.getInputProps('address.phone')}
          />
        </SimpleGrid>
        <TextInput
          label="Address line 1"
          autoComplete="address-line1"
          required
          {...form.getInputProps('address.line1')}
        />
        <TextInput
          label="Address line 2"
          description="Optional"
          autoComplete="address-line2"
          {...form.getInputProps('address.line2')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="PIN code"
            description="Fills the state and city"
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={6}
            required
            {...form.getInputProps('address.pincode')}
          />
          <TextInput
            label="City"
            autoComplete="address-level2"
            required
            description={
              suggestedCity && (
                <>
                  India Post lists this PIN under {suggestedCity}.{' '}
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    onClick={() => form.setFieldValue('address.city', suggestedCity)}
                  >
                    Use {suggestedCity}
                  </Anchor>
                </>
              )
            }
            {...form.getInputProps('address.city')}
          />
          <NativeSelect
            label="State"
            data={[{ value: '', label: 'Choose…', disabled: true }, ...indianStates]}
            autoComplete="address-level1"
            required
            {...form.getInputProps('address.state')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {location ? 'Save location' : 'Add location'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
