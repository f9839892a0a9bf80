import {
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { partStatuses, useSavePart, type Part } from './catalog.queries';
import {
  gstSlabsPercent,
  initialPartValues,
  partValidation,
  toNewPart,
  toPartPatch,
  type PartFormValues,
} from './part-form-values';

const gstOptions = gstSlabsPercent.map((rate) => ({ value: String(rate), label: `${rate}%` }));
const statusOptions = partStatuses.map((status) => ({ value: status, label: humanise(status) }));

/**
 * The editor's fields, mounted once per opening: blank for a new part, the part as saved for
 * an edit (never the previous opening's unsaved entry).
 */
function PartEditorForm({ part, onDone }: { part?: Part; onDone: () => void }) {
  const save = useSavePart(part?.id);
  const form = useForm<PartFormValues>({
    initialValues: initialPartValues(part),
    validate: partValidation,
  });

  const submit = form.onSubmit((values) => {
    const body = part ? toPartPatch(values, part) : toNewPart(values);
    save.mutate(body, {
      onSuccess: (saved) => {
        notifySuccess(part ? `${saved.partNumber} was saved.` : `${saved.partNumber} was added.`);
        onDone();
      },
      onError: (error) => showSubmitError(form, error),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Part number" withAsterisk {...form.getInputProps('partNumber')} />
          <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        </SimpleGrid>
        <Textarea label="Description" rows={3} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Category" {...form.getInputProps('category')} />
          <TextInput
            label="HSN code"
            inputMode="numeric"
            description="4, 6 or 8 digits"
            {...form.getInputProps('hsnCode')}
          />
          <Select
            label="GST rate"
            placeholder="Choose or type, e.g. 18%"
            data={gstOptions}
            searchable
            clearable
            {...form.getInputProps('gstRatePercent')}
            onChange={(value) => form.setFieldValue('gstRatePercent', value ?? '')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Unit price (₹)"
            withAsterisk
            inputMode="decimal"
            leftSection="₹"
            placeholder="0.00"
            {...form.getInputProps('unitPricePaise')}
          />
          <TextInput
            label="MRP (₹)"
            inputMode="decimal"
            leftSection="₹"
            placeholder="0.00"
            {...form.getInputProps('mrpPaise')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label="Weight (g)"
            withAsterisk
            min={1}
            allowDecimal={false}
            {...form.getInputProps('weightGrams')}
          />
          <NumberInput
            label="Length (cm)"
            withAsterisk
            min={1}
            allowDecimal={false}
            {...form.getInputProps('lengthCm')}
          />
          <NumberInput
            label="Width (cm)"
            withAsterisk
            min={1}
            allowDecimal={false}
            {...form.getInputProps('widthCm')}
          />
          <NumberInput
            label="Height (cm)"
            withAsterisk
            min={1}
            allowDecimal={false}
            {...form.getInputProps('heightCm')}
          />
        </SimpleGrid>
        <TagsInput
          label="Compatible models"
          description="Press Enter after each model"
          {...form.getInputProps('compatibleModels')}
        />
        <Select
          label="Status"
          data={statusOptions}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {part ? 'Save part' : 'Add part'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Add part" (no `part`) or "Edit part": the brand's part editor in a dialog. */
export function PartEditorDialog({ part }: { part?: Part }) {
  const dialog = useDialogOpening();
  return (
    <>
      {part ? (
        <Button
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={dialog.open}
        >
          Edit part
        </Button>
      ) : (
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={dialog.open}>
          Add part
        </Button>
      )}
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title={part ? `Edit ${part.partNumber}` : 'Add part'}
        size="lg"
      >
        <PartEditorForm part={part} onDone={dialog.close} />
      </AppDialog>
    </>
  );
}
