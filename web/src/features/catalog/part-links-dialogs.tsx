import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useSetSubstitutes, useSupersede, type PartDetail } from './catalog.queries';
import { PartPicker, type PickedPart } from './part-picker';

/** "Supersede": record the part of the brand that replaces this one. */
export function SupersedeDialog({ part }: { part: PartDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [replacement, setReplacement] = useState<PickedPart | null>(null);
  const [error, setError] = useState<string | undefined>();
  const supersede = useSupersede(part.id);

  const submit = () => {
    if (!replacement) return setError('Choose the part that replaces this one');
    supersede.mutate(replacement.id, {
      onSuccess: () => {
        notifySuccess(`${part.partNumber} is now replaced by ${replacement.partNumber}.`);
        close();
      },
      onError: (failure) => setError(showSubmitError(null, failure)),
    });
  };

  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setReplacement(null);
          setError(undefined);
          open();
        }}
      >
        Supersede
      </Button>
      <Modal opened={opened} onClose={close} title={`Supersede ${part.partNumber}`}>
        <Stack gap="sm">
          <Text size="sm">Orders for this part will be pointed to its replacement.</Text>
          <PartPicker
            label="Replaced by"
            withAsterisk
            value={replacement}
            onChange={(picked) => {
              setReplacement(picked);
              setError(undefined);
            }}
            excludeIds={[part.id]}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} loading={supersede.isPending}>
              Supersede
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** "Substitutes": the interchangeable parts (kept symmetric by the server). */
export function SubstitutesDialog({ part }: { part: PartDetail }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [chosen, setChosen] = useState<PickedPart[]>([]);
  const save = useSetSubstitutes(part.id);

  const submit = () =>
    save.mutate(
      chosen.map((substitute) => substitute.id),
      {
        onSuccess: () => {
          notifySuccess(`Substitutes of ${part.partNumber} were saved.`);
          close();
        },
        onError: (failure) => showSubmitError(null, failure),
      },
    );

  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setChosen(part.substitutes);
          open();
        }}
      >
        Substitutes
      </Button>
      <Modal opened={opened} onClose={close} title={`Substitutes of ${part.partNumber}`}>
        <Stack gap="sm">
          {chosen.length === 0 && (
            <Text size="sm" c="dimmed">
              No substitutes. Add parts that can be fitted instead of this one.
            </Text>
          )}
          {chosen.map((substitute) => (
            <Group key={substitute.id} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {substitute.partNumber} — {substitute.name}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={`Remove ${substitute.partNumber}`}
                onClick={() => setChosen(chosen.filter((item) => item.id !== substitute.id))}
              >
                Remove
              </Button>
            </Group>
          ))}
          <PartPicker
            label="Add a substitute"
            value={null}
            onChange={(picked) => picked && setChosen([...chosen, picked])}
            excludeIds={[part.id, ...chosen.map((item) => item.id)]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              Save substitutes
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
