import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Radio,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useCreateApiKey, type ApiKeyScope } from './api-keys.queries';

interface CreatedKey {
  name: string;
  key: string;
}

/** The one and only showing of a new key, with a copy button and a warning. */
function CreatedKeyDialog({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  return (
    <AppDialog opened onClose={onClose} title="Copy your new API key" size="lg">
      <Stack gap="sm">
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Shown only once">
          Copy the key for “{created.name}” now and keep it somewhere safe. SpareFlow stores only a
          fingerprint of it: it will not be shown again. If you lose it, revoke it and create a new
          one.
        </Alert>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label="New API key">
            {created.key}
          </Code>
          <CopyButton value={created.key}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'}>
                <ActionIcon
                  variant="light"
                  color={copied ? 'green' : 'blue'}
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? 'Copied' : 'Copy API key'}
                >
                  {copied ? (
                    <IconCheck size={18} aria-hidden />
                  ) : (
                    <IconCopy size={18} aria-hidden />
                  )}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed">
          Send it as the <Code>x-api-key</Code> header of your API calls.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>I have copied it</Button>
        </Group>
      </Stack>
    </AppDialog>
  );
}

/** Name and scope, mounted once per opening of "Create API key": every opening starts blank. */
function CreateApiKeyForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedKey) => void;
  onCancel: () => void;
}) {
  const create = useCreateApiKey();
  const form = useForm({
    initialValues: { name: '', scope: 'read' as ApiKeyScope },
    validate: {
      name: (value) =>
        !value.trim()
          ? 'Name the key after what uses it, e.g. “ERP sync”'
          : value.trim().length > 100
            ? 'Use at most 100 characters'
            : null,
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const result = await create.mutateAsync({ name: values.name.trim(), scope: values.scope });
      onCreated({ name: result.name, key: result.key });
      notifySuccess(`API key “${result.name}” created`);
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="What uses the key, e.g. ERP sync"
          required
          maxLength={100}
          {...form.getInputProps('name')}
        />
        <Radio.Group label="Scope" required {...form.getInputProps('scope')}>
          <Stack gap="xs" mt="xs">
            <Radio value="read" label="Read — look up data only" />
            <Radio value="read_write" label="Read and write — also create and change data" />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Create API key": name and scope, then the new key, once. */
export function CreateApiKeyDialog() {
  const dialog = useDialogOpening();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={dialog.open}>
        Create API key
      </Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title="Create API key"
      >
        <CreateApiKeyForm
          onCancel={dialog.close}
          onCreated={(key) => {
            dialog.close();
            setCreated(key);
          }}
        />
      </AppDialog>
      {created && <CreatedKeyDialog created={created} onClose={() => setCreated(null)} />}
    </>
  );
}
