import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';

/** What the server says about itself: version, and which integrations run as sandboxes. */
export function useSystemInfo() {
  return useQuery({
    queryKey: ['system-info'],
    queryFn: () => unwrap(api.GET('/api/v1/system/info')),
    staleTime: Infinity,
  });
}
