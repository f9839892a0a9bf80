import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { isValidPincode, normalisePhone } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { indianStates, type IndianState } from './indian-states';
import { useCreateLocation } from './locations.queries';

const required = (what: string) => (value: string) => (value.trim() ? null : `Enter the ${what}`);

/**
 * The new-location form. Checks mirror the API (src/modules/locations/location.service.ts):
 * Indian phone (+91 and 10 digits), 6-digit PIN not starting with 0, a state from the list.
 * Field names follow the request body, so server errors like `address.pincode` land in place.
 */
export function LocationForm({ onSaved }: { onSaved: () => void }) {
  const create = useCreateLocation();
  const form = useForm({
    initialValues: {
      name: '',
      address: {
        contactName: '',
        phone: '',
        line1: '',
        line2: '',
        city: '',
        state: '' as IndianState | '',
        pincode: '',
      },
    },
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

  const submit = form.onSubmit(async (values) => {
    const { address } = values;
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        address: {
          contactName: address.contactName.trim(),
          phone: normalisePhone(address.phone) ?? address.phone.trim(),
          line1: address.line1.trim(),
          ...(address.line2.trim() ? { line2: address.line2.trim() } : {}),
          city: address.city.trim(),
          state: address.state as IndianState,
          pincode: address.pincode.trim(),
        },
      });
      notifySuccess(`Location “${created.name}” added`);
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
            label="City"
            autoComplete="address-level2"
            required
            {...form.getInputProps('address.city')}
          />
          <NativeSelect
            label="State"
            data={[{ value: '', label: 'Choose…', disabled: true }, ...indianStates]}
            autoComplete="address-level1"
            required
            {...form.getInputProps('address.state')}
          />
          <TextInput
            label="PIN code"
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={6}
            required
            {...form.getInputProps('address.pincode')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Add location
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
