import { Button, NavLink, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state';
import { formatDateTimeIst } from '../../lib/format';
import { LinkifiedText } from './linkified-text';
import { useMailbox, type CapturedEmail } from './sandbox.queries';

function Reader({ email }: { email: CapturedEmail }) {
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label="Selected e-mail">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {email.subject}
        </Title>
        <Text size="sm" c="dimmed">
          To {email.to.join(', ')} · {formatDateTimeIst(email.receivedAt)}
        </Text>
        <LinkifiedText text={email.text} />
      </Stack>
    </Paper>
  );
}

/** The sandbox SMTP sink: e-mails this instance "sent", to follow their links without an inbox. */
export function MailboxPage() {
  const mailbox = useMailbox();
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const header = (
    <PageHeader
      title="Sandbox mailbox"
      description="E-mails captured in sandbox mode — nothing leaves this machine. Refreshes every 3 seconds."
      actions={
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => void mailbox.refetch()}
          loading={mailbox.isFetching && !mailbox.isPending}
        >
          Refresh
        </Button>
      }
    />
  );

  let body;
  if (mailbox.isPending) body = <LoadingState />;
  else if (mailbox.isError && isApiProblem(mailbox.error) && mailbox.error.status === 404) {
    body = (
      <EmptyState title="The sandbox mailbox is off">
        This server sends real e-mail (integrations.email is live), so there is nothing to show.
      </EmptyState>
    );
  } else if (mailbox.isError) {
    body = <ErrorState error={mailbox.error} onRetry={() => void mailbox.refetch()} />;
  } else {
    const emails = [...mailbox.data.items].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    const selected = emails.find((email) => email.id === selectedId) ?? emails[0];
    body =
      emails.length === 0 || !selected ? (
        <EmptyState title="No e-mails yet">
          Register, invite someone or reset a password; the e-mail appears here within seconds.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder radius="md" p={4} component="nav" aria-label="Captured e-mails">
            {emails.map((email) => (
              <NavLink
                key={email.id}
                component="button"
                type="button"
                active={email.id === selected.id}
                aria-current={email.id === selected.id ? 'true' : undefined}
                onClick={() => setSelectedId(email.id)}
                leftSection={<IconMail size={16} aria-hidden />}
                label={email.subject}
                description={`${email.to.join(', ')} · ${formatDateTimeIst(email.receivedAt)}`}
              />
            ))}
          </Paper>
          <Reader email={selected} />
        </SimpleGrid>
      );
  }

  return (
    <Stack gap="md">
      {header}
      {body}
    </Stack>
  );
}
