import { Button, Code, Collapse, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import type { AuditEntry } from './audit.queries';

/** The entry's before/after state and request data, folded away until asked for. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  const details = JSON.stringify(
    {
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId,
      ip: entry.ip,
    },
    null,
    2,
  );
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={id}
      >
        {opened ? 'Hide details' : 'Show details'}
      </Button>
      <Collapse expanded={opened} id={id}>
        <Code block maw={480} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {details}
        </Code>
      </Collapse>
    </Stack>
  );
}
