import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type ResponseOf } from '../../api/client';
import { unwrap } from '../../api/problem';
import { authorisedRequest } from './authorised-http';

export type ImportJob = ResponseOf<'/api/v1/jobs/{jobId}', 'get'>;
export type ImportKind = 'parts' | 'stock';
export type StockMode = 'set' | 'adjust';

export interface ImportRequest {
  kind: ImportKind;
  mode: StockMode;
  allOrNothing: boolean;
  file: File;
}

export function isFinished(job: ImportJob | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

/** Sends the CSV file itself (`text/csv`); the server answers 202 with the job to poll. */
export function useStartImport() {
  return useMutation({
    mutationFn: async ({ kind, mode, allOrNothing, file }: ImportRequest) => {
      const query = new URLSearchParams({ allOrNothing: String(allOrNothing) });
      if (kind === 'stock') query.set('mode', mode);
      const path = kind === 'parts' ? '/api/v1/parts/import' : '/api/v1/inventory/import';
      const response = await authorisedRequest(`${path}?${query.toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: file,
      });
      return (await response.json()) as { jobId: string };
    },
  });
}

/** The job, polled every second until it has finished. */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ['imports', 'job', jobId],
    enabled: jobId !== null,
    queryFn: () =>
      unwrap(api.GET('/api/v1/jobs/{jobId}', { params: { path: { jobId: jobId ?? '' } } })),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
}
