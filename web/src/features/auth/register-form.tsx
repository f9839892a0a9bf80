import { Button, PasswordInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { normalisePhone } from '../../lib/format';
import { showSubmitError } from '../../lib/forms';
import { session } from '../../session/session-context';

export type RegistrableType = 'brand' | 'distributor' | 'service_center' | 'customer';

const typeChoices: { value: RegistrableType; label: string; description: string }[] = [
  {
    value: 'brand',
    label: 'Brand',
    description: 'You make appliances or devices and own a parts catalog.',
  },
  {
    value: 'distributor',
    label: 'Distributor',
    description: 'You stock and forward a brand’s parts.',
  },
  {
    value: 'service_center',
    label: 'Service centre',
    description: 'You repair products and request parts.',
  },
  { value: 'customer', label: 'Customer', description: 'You buy parts for your own use.' },
];

const gstinShape = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/**
 * Registration of a new organization and its owner. The invitation pages reuse it with the
 * organization type and the e-mail fixed by the invitation (only the invited address may
 * accept it, so the form does not offer another).
 */
export function RegisterForm({
  fixedType,
  fixedEmail,
  submitLabel = 'Create account',
  onRegistered,
}: {
  fixedType?: RegistrableType;
  fixedEmail?: string;
  submitLabel?: string;
  onRegistered: () => void | Promise<void>;
}) {
  const form = useForm({
    initialValues: {
      type: (fixedType ?? '') as RegistrableType | '',
      organizationName: '',
      gstin: '',
      name: '',
      email: fixedEmail ?? '',
      phone: '',
      password: '',
    },
    validate: {
      type: (value) => (value ? null : 'Choose what kind of organization you are'),
      organizationName: (value) => (value.trim() ? null : 'Enter the organization’s name'),
      gstin: (value) =>
        !value.trim() || gstinShape.test(value.trim().toUpperCase())
          ? null
          : 'A GSTIN has 15 characters, like 27AAPFU0939F1ZV',
      name: (value) => (value.trim() ? null : 'Enter your name'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid e-mail'),
      phone: (value) =>
        !value.trim() || /^\+91[6-9]\d{9}$/.test(normalisePhone(value) ?? '')
          ? null
          : 'Enter a 10-digit Indian mobile number',
      password: (value) => (value.length >= 10 ? null : 'Use at least 10 characters'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await session.register({
        email: values.email.trim(),
        name: values.name.trim(),
        password: values.password,
        ...(values.phone.trim() ? { phone: normalisePhone(values.phone) ?? values.phone } : {}),
        organization: {
          type: values.type as RegistrableType,
          name: values.organizationName.trim(),
          ...(values.gstin.trim() ? { gstin: values.gstin.trim().toUpperCase() } : {}),
        },
      });
      await onRegistered();
    } catch (error) {
      // Server paths are `organization.name`; this form names that field `organizationName`.
      showSubmitError(
        {
          setErrors: (errors) =>
            form.setErrors(
              Object.fromEntries(
                Object.entries(errors).map(([path, message]) => [
                  path === 'organization.name'
                    ? 'organizationName'
                    : path.replace(/^organization\./, ''),
                  message,
                ]),
              ),
            ),
        },
        error,
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {!fixedType && (
          <Radio.Group label="Your organization is a" required {...form.getInputProps('type')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
              {typeChoices.map((choice) => (
                <Radio.Card key={choice.value} value={choice.value} p="sm" radius="md">
                  <Radio.Indicator />
                  <div>
                    <strong>{choice.label}</strong>
                    <div style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
                      {choice.description}
                    </div>
                  </div>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
        )}
        <TextInput label="Organization name" required {...form.getInputProps('organizationName')} />
        <TextInput
          label="GSTIN"
          description="Optional; you can add it later"
          maxLength={15}
          {...form.getInputProps('gstin')}
        />
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="email"
          required
          readOnly={fixedEmail !== undefined}
          description={
            fixedEmail !== undefined ? 'The address the invitation was sent to' : undefined
          }
          {...form.getInputProps('email')}
        />
        <TextInput
          label="Mobile"
          description="Optional"
          type="tel"
          autoComplete="tel"
          leftSection="+91"
          leftSectionWidth={42}
          {...form.getInputProps('phone')}
        />
        <PasswordInput
          label="Password"
          description="At least 10 characters"
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
