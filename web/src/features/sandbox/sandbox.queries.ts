import { useQuery } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../api/client';
import { unwrap } from '../../api/problem';

export type CapturedEmail = ResponseOf<'/api/v1/sandbox/mailbox', 'get'>['items'][number];

/** What the sandbox SMTP sink captured; re-read every 3 s while the page is open. */
export function useMailbox() {
  return useQuery({
    queryKey: ['sandbox', 'mailbox'],
    queryFn: () => unwrap(api.GET('/api/v1/sandbox/mailbox')),
    // Stop polling while the mailbox answers with an error (404: e-mail runs live).
    refetchInterval: (query) => (query.state.error ? false : 3000),
  });
}
