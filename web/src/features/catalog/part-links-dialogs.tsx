import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useSetSubstitutes, useSupersede, type PartDetail } from './catalog.queries';
import { PartPicker, type PickedPart } from './part-picker';

/** The replacement to choose, mounted once per opening. */
function SupersedeForm({ part, onDone }: { part: PartDetail; onDone: () => void }) {
  const [replacement, setReplacement] = useState<PickedPart | null>(null);
  const [error, setError] = useState<string | undefined>();
  const supersede = useSupersede(part.id);

  const submit = () => {
    if (!replacement) return setError('Choose the part that replaces this one');
    supersede.mutate(replacement.id, {
      onSuccess: () => {
        notifySuccess(`${part.partNumber} is now replaced by ${replacement.partNumber}.`);
        onDone();
      },
      onError: (failure) => setError(showSubmitError(null, failure)),
    });
  };

  return (
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
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={supersede.isPending}>
          Supersede
        </Button>
      </Group>
    </Stack>
  );
}

/** "Supersede": record the part of the brand that replaces this one. */
export function SupersedeDialog({ part }: { part: PartDetail }) {
  const dialog = useDialogOpening();
  return (
    <>
      <Button variant="default" onClick={dialog.open}>
        Supersede
      </Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title={`Supersede ${part.partNumber}`}
      >
        <SupersedeForm part={part} onDone={dialog.close} />
      </AppDialog>
    </>
  );
}

/** The substitutes as saved, then as edited, mounted once per opening. */
function SubstitutesForm({ part, onDone }: { part: PartDetail; onDone: () => void }) {
  const [chosen, setChosen] = useState<PickedPart[]>(part.substitutes);
  const save = useSetSubstitutes(part.id);

  const submit = () =>
    save.mutate(
      chosen.map((substitute) => substitute.id),
      {
        onSuccess: () => {
          notifySuccess(`Substitutes of ${part.partNumber} were saved.`);
          onDone();
        },
        onError: (failure) => showSubmitError(null, failure),
      },
    );

  return (
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
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          Save substitutes
        </Button>
      </Group>
    </Stack>
  );
}

/** "Substitutes": the interchangeable parts (kept symmetric by the server). */
export function SubstitutesDialog({ part }: { part: PartDetail }) {
  const dialog = useDialogOpening();
  return (
    <>
      <Button variant="default" onClick={dialog.open}>
        Substitutes
      </Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title={`Substitutes of ${part.partNumber}`}
      >
        <SubstitutesForm part={part} onDone={dialog.close} />
      </AppDialog>
    </>
  );
}
