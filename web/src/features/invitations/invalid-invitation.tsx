import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../components/query-state';
import { isApiProblem } from '../../api/problem';

const invalidCodes = ['INVITATION_INVALID', 'TOKEN_INVALID', 'VALIDATION_FAILED', 'NOT_FOUND'];

/** A link that cannot be used: unknown, used, revoked or expired (or the preview failed). */
export function InvalidInvitation({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error !== null && !(isApiProblem(error) && invalidCodes.includes(error.code)))
    return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <Stack gap="sm">
      <Alert color="red" role="alert" title="This invitation cannot be used">
        The link is invalid, already used, revoked or expired. Ask whoever invited you to send a new
        invitation.
      </Alert>
      <Text size="sm">
        <Anchor component={Link} to="/">
          Go to SpareFlow
        </Anchor>
      </Text>
    </Stack>
  );
}
