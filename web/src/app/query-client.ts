import { QueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../api/problem';

/**
 * Server state for every page. Client errors (4xx) are not retried: they will not change by
 * asking again; network failures and 5xx are retried twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          failures < 2 && !(isApiProblem(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
