import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useCreateApiKey, type ApiKeyScope } from './api-keys.queries';

interface CreatedKey {
  name: string;
  key: string;
}

/** The one and only showing of a new key, with a copy button and a warning. */
function CreatedKeyDialog({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Copy your new API key" size="lg">
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
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
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
    </Modal>
  );
}

/** "Create API key": name and scope, then the new key, once. */
export function CreateApiKeyDialog() {
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
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

  const closeForm = () => {
    close();
    form.reset();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const result = await create.mutateAsync({ name: values.name.trim(), scope: values.scope });
      closeForm();
      setCreated({ name: result.name, key: result.key });
      notifySuccess(`API key “${result.name}” created`);
    } catch (error) {
      showSubmitError(form, error);
    }
  });

  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
        Create API key
      </Button>
      <Modal opened={opened} onClose={closeForm} title="Create API key">
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
              <Button variant="default" onClick={closeForm}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      {created && <CreatedKeyDialog created={created} onClose={() => setCreated(null)} />}
    </>
  );
}
