import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { normalisePhone } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { session } from '../../session/session-context';
import {
  useUpdateOrganization,
  type OrganizationProfile,
  type OrganizationUpdate,
} from './organization.queries';
import { gstinShapeProblem, panOfGstin, panPattern } from './tax-ids';

type Field = 'name' | 'legalName' | 'gstin' | 'pan' | 'contactEmail' | 'contactPhone';
const upper = (value: string) => value.trim().toUpperCase();

function initialValues(profile: OrganizationProfile): Record<Field, string> {
  return {
    name: profile.name,
    legalName: profile.legalName ?? '',
    gstin: profile.gstin ?? '',
    pan: profile.pan ?? '',
    contactEmail: profile.contactEmail ?? '',
    contactPhone: profile.contactPhone ?? '',
  };
}

/** The API can set these fields but not clear them, so a saved value cannot be emptied. */
function keep(previous: string | null, what: string) {
  return (value: string) =>
    !value.trim() && previous ? `The ${what} cannot be removed, only changed` : null;
}

/** The profile as saved, mounted once per opening (unsaved edits do not come back). */
function EditOrganizationForm({
  profile,
  onDone,
}: {
  profile: OrganizationProfile;
  onDone: () => void;
}) {
  const update = useUpdateOrganization();
  const form = useForm({
    initialValues: initialValues(profile),
    validate: {
      name: (value) => (value.trim() ? null : 'Enter the organization’s name'),
      legalName: keep(profile.legalName, 'legal name'),
      gstin: (value, values) => {
        const gstin = upper(value);
        if (!gstin) return keep(profile.gstin, 'GSTIN')(value);
        const problem = gstinShapeProblem(gstin);
        if (problem) return problem;
        const pan = upper(values.pan);
        return pan && panOfGstin(gstin) !== pan
          ? 'This GSTIN does not contain the PAN below'
          : null;
      },
      pan: (value) => {
        const pan = upper(value);
        if (!pan) return keep(profile.pan, 'PAN')(value);
        return panPattern.test(pan) ? null : 'A PAN looks like AAPFU0939F';
      },
      contactEmail: (value) =>
        !value.trim()
          ? keep(profile.contactEmail, 'contact e-mail')(value)
          : /^\S+@\S+\.\S+$/.test(value.trim())
            ? null
            : 'Enter a valid e-mail',
      contactPhone: (value) =>
        !value.trim()
          ? keep(profile.contactPhone, 'contact phone')(value)
          : /^\+91[6-9]\d{9}$/.test(normalisePhone(value) ?? '')
            ? null
            : 'Enter a 10-digit Indian mobile number',
    },
  });

  const submit = form.onSubmit(async (values) => {
    const cleaned: Record<Field, string> = {
      name: values.name.trim(),
      legalName: values.legalName.trim(),
      gstin: upper(values.gstin),
      pan: upper(values.pan),
      contactEmail: values.contactEmail.trim(),
      contactPhone: values.contactPhone.trim() ? (normalisePhone(values.contactPhone) ?? '') : '',
    };
    const before = initialValues(profile);
    const body: OrganizationUpdate = {};
    for (const field of Object.keys(cleaned) as Field[]) {
      if (cleaned[field] && cleaned[field] !== before[field]) body[field] = cleaned[field];
    }
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    try {
      await update.mutateAsync(body);
      notifySuccess('Organization profile saved');
      onDone();
      // The shell shows the organization's name; re-read it when it changed.
      if (body.name) await session.loadMe().catch(() => undefined);
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" required maxLength={200} {...form.getInputProps('name')} />
          <TextInput
            label="Legal name"
            description="As registered for GST"
            maxLength={200}
            {...form.getInputProps('legalName')}
          />
          <TextInput
            label="GSTIN"
            description="15 characters, like 27AAPFU0939F1ZV"
            maxLength={15}
            {...form.getInputProps('gstin')}
          />
          <TextInput
            label="PAN"
            description="10 characters, like AAPFU0939F"
            maxLength={10}
            {...form.getInputProps('pan')}
          />
          <TextInput
            label="Contact e-mail"
            type="email"
            autoComplete="email"
            {...form.getInputProps('contactEmail')}
          />
          <TextInput
            label="Contact phone"
            type="tel"
            autoComplete="tel"
            leftSection="+91"
            leftSectionWidth={42}
            {...form.getInputProps('contactPhone')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Owners and admins edit the profile; only changed fields are sent (PATCH). */
export function EditOrganizationDialog({ profile }: { profile: OrganizationProfile }) {
  const dialog = useDialogOpening();
  return (
    <>
      <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={dialog.open}>
        Edit profile
      </Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title="Edit organization profile"
        size="lg"
      >
        <EditOrganizationForm profile={profile} onDone={dialog.close} />
      </AppDialog>
    </>
  );
}
