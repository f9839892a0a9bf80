import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiProblem } from '../../api/problem';
import { AppDialog } from '../../components/app-dialog';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { bodyOf, draftOf, type RateCardDraft } from './rate-card-form';
import { useCreateRateCard, zoneLabels, zoneOrder, type RateCardVersion } from './pricing.queries';

const partyTypes = [
  { value: 'brand', label: 'Brand' },
  { value: 'distributor', label: 'Distributor' },
  { value: 'service_center', label: 'Service center' },
  { value: 'customer', label: 'Customer' },
];

/** The editor: a copy of `card` to change, saved as a new version (versions never change). */
function NewRateCardForm({ card, onDone }: { card: RateCardVersion; onDone: () => void }) {
  const create = useCreateRateCard();
  const [draft, setDraft] = useState<RateCardDraft>(() => draftOf(card));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (change: Partial<RateCardDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setSlab = (
    s: number,
    zone: (typeof zoneOrder)[number],
    key: 'first' | 'additional',
    value: string,
  ) =>
    setDraft((d) => ({
      ...d,
      services: d.services.map((service, i) =>
        i === s
          ? {
              ...service,
              slabs: { ...service.slabs, [zone]: { ...service.slabs[zone], [key]: value } },
            }
          : service,
      ),
    }));
  const setRule = (r: number, change: Partial<RateCardDraft['markupRules'][number]>) =>
    setDraft((d) => ({
      ...d,
      markupRules: d.markupRules.map((rule, i) => (i === r ? { ...rule, ...change } : rule)),
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = bodyOf(draft, card.id);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    create.mutate(parsed.body, {
      onSuccess: (created) => {
        notifySuccess(`Rate card version ${created.number} saved.`);
        onDone();
      },
      onError: (error) => {
        if (isApiProblem(error) && Object.keys(error.fieldErrorMap()).length > 0)
          setErrors(error.fieldErrorMap());
        else showSubmitError(null, error);
      },
    });
  };
  const errorList = Object.entries(errors);

  return (
    <form onSubmit={submit} noValidate aria-label="New rate card version">
      <Stack gap="md">
        {errorList.length > 0 && (
          <Alert color="red" title="Not saved: fix these first">
            <Stack gap={2}>
              {errorList.map(([path, message]) => (
                <Text size="sm" key={path}>
                  {path}: {message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label="Effective from"
            description="Empty: now. Never in the past."
            value={draft.effectiveFrom}
            onChange={(e) => set({ effectiveFrom: e.currentTarget.value })}
            error={errors.effectiveFrom}
          />
          <TextInput
            label="Note"
            description="Why the card changes"
            maxLength={500}
            value={draft.note}
            onChange={(e) => set({ note: e.currentTarget.value })}
          />
          <TextInput
            label="Fuel surcharge (%)"
            value={draft.fuelPercent}
            onChange={(e) => set({ fuelPercent: e.currentTarget.value })}
            error={errors.fuelPercent ?? errors.fuelSurchargeBps}
          />
          <TextInput
            label="Volumetric divisor"
            value={draft.volumetricDivisor}
            onChange={(e) => set({ volumetricDivisor: e.currentTarget.value })}
            error={errors.volumetricDivisor}
          />
          <TextInput
            label="COD fee, flat (₹)"
            value={draft.codFlatRupees}
            onChange={(e) => set({ codFlatRupees: e.currentTarget.value })}
            error={errors.codFlatRupees ?? errors['cod.flatPaise']}
          />
          <TextInput
            label="COD fee, % of COD value"
            value={draft.codPercent}
            onChange={(e) => set({ codPercent: e.currentTarget.value })}
            error={errors.codPercent ?? errors['cod.percentBps']}
          />
        </SimpleGrid>
        {draft.services.map((service, s) => (
          <Stack gap={4} key={service.serviceType}>
            <Title order={3} size="h5">
              {service.label}: slab prices (₹)
            </Title>
            <Table.ScrollContainer minWidth={360}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Zone</Table.Th>
                    <Table.Th scope="col">First slab</Table.Th>
                    <Table.Th scope="col">Each additional</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {zoneOrder.map((zone) => (
                    <Table.Tr key={zone}>
                      <Table.Th scope="row">{zoneLabels[zone]}</Table.Th>
                      {(['first', 'additional'] as const).map((key) => (
                        <Table.Td key={key}>
                          <TextInput
                            aria-label={`${service.label}, ${zoneLabels[zone]}, ${key === 'first' ? 'first slab' : 'each additional slab'}`}
                            value={service.slabs[zone][key]}
                            onChange={(e) => setSlab(s, zone, key, e.currentTarget.value)}
                            error={
                              errors[
                                `services.${s}.slabs.${zone}.${key === 'first' ? 'firstSlabPaise' : 'additionalSlabPaise'}`
                              ]
                            }
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))}
        <Stack gap={4}>
          <Title order={3} size="h5">
            Markup rules
          </Title>
          {draft.markupRules.map((rule, r) => (
            <Group key={r} gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={`Rule ${r + 1}: brand id`}
                placeholder="Every brand"
                value={rule.brandId}
                onChange={(e) => setRule(r, { brandId: e.currentTarget.value })}
                error={errors[`markupRules.${r}.brandId`]}
                w={{ base: '100%', sm: 300 }}
              />
              <Select
                label={`Rule ${r + 1}: payer type`}
                placeholder="Any"
                clearable
                data={partyTypes}
                value={rule.partyType}
                onChange={(value) => setRule(r, { partyType: value })}
                w={{ base: '100%', sm: 170 }}
              />
              <TextInput
                label={`Rule ${r + 1}: markup (%)`}
                value={rule.percent}
                onChange={(e) => setRule(r, { percent: e.currentTarget.value })}
                error={errors[`markupRules.${r}.percentBps`]}
                w={{ base: '45%', sm: 120 }}
              />
              <TextInput
                label={`Rule ${r + 1}: minimum (₹)`}
                value={rule.minimumRupees}
                onChange={(e) => setRule(r, { minimumRupees: e.currentTarget.value })}
                error={errors[`markupRules.${r}.minimumPaise`]}
                w={{ base: '45%', sm: 120 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove rule ${r + 1}`}
                onClick={() =>
                  set({ markupRules: draft.markupRules.filter((_rule, i) => i !== r) })
                }
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                set({
                  markupRules: [
                    ...draft.markupRules,
                    { brandId: '', partyType: null, percent: '10', minimumRupees: '10' },
                  ],
                })
              }
            >
              Add a markup rule
            </Button>
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea
            label="Metro list"
            description="One city a line: City = Metro area"
            autosize
            minRows={4}
            maxRows={12}
            value={draft.metroLines}
            onChange={(e) => set({ metroLines: e.currentTarget.value })}
          />
          <Textarea
            label="Special regions"
            description="One state a line: State = Region"
            autosize
            minRows={4}
            maxRows={12}
            value={draft.specialLines}
            onChange={(e) => set({ specialLines: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save as new version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewRateCardDialog({
  card,
  opened,
  openingKey,
  onClose,
}: {
  card: RateCardVersion;
  opened: boolean;
  openingKey: string;
  onClose: () => void;
}) {
  return (
    <AppDialog
      opened={opened}
      onClose={onClose}
      openingKey={openingKey}
      size="xl"
      title={`New version from version ${card.number}`}
    >
      <NewRateCardForm card={card} onDone={onClose} />
    </AppDialog>
  );
}
