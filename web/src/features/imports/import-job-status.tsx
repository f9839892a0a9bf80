import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { ErrorState, LoadingState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { formatCount, humanise } from '../../lib/format';
import { showSubmitError } from '../../lib/forms';
import { downloadFile } from './authorised-http';
import { isFinished, useImportJob, type ImportJob } from './imports.queries';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Text size="sm">
      {label}: <b>{formatCount(value)}</b>
    </Text>
  );
}

/** What the committed rows did: created / updated / unchanged parts, or stock lines moved. */
function Outcome({ job }: { job: ImportJob }) {
  const { created, updated, unchanged } = job.summary;
  if (job.kind === 'stock')
    return (
      <>
        <Count label="Lines that moved stock" value={updated} />
        <Count label="Already at that figure" value={unchanged} />
      </>
    );
  return (
    <>
      <Count label="Parts created" value={created} />
      <Count label="Parts updated" value={updated} />
      <Count label="Unchanged" value={unchanged} />
    </>
  );
}

function Counts({ job }: { job: ImportJob }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }}>
      <Text size="sm">
        Imported: <b>{formatCount(job.summary.succeeded)}</b>
      </Text>
      <Outcome job={job} />
      <Text size="sm">
        Rows with errors: <b>{formatCount(job.summary.failed)}</b>
      </Text>
      {job.progress.total !== null && (
        <Text size="sm">
          Rows in the file: <b>{formatCount(job.progress.total)}</b>
        </Text>
      )}
    </SimpleGrid>
  );
}

function ErrorsTable({ job }: { job: ImportJob }) {
  const [downloading, setDownloading] = useState(false);
  const download = () => {
    setDownloading(true);
    downloadFile(`/api/v1/jobs/${job.id}/errors.csv`, `import-${job.id}-errors.csv`)
      .catch((error: unknown) => showSubmitError(null, error))
      .finally(() => setDownloading(false));
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Rows that were not imported</Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={downloading}
          onClick={download}
        >
          Download error report
        </Button>
      </Group>
      <DataTable
        ariaLabel="Import errors"
        idAccessor="key"
        records={job.errors.map((error, index) => ({
          key: `${error.row}-${error.column ?? ''}-${index}`,
          row: error.row,
          column: error.column ?? '—',
          message: error.message,
        }))}
        columns={[
          { accessor: 'row', title: 'Row', sortable: true },
          { accessor: 'column', title: 'Column', sortable: true },
          { accessor: 'message', title: 'Problem' },
        ]}
        filterFields={['column', 'message']}
      />
    </Stack>
  );
}

/** Progress of an import job (polled every second), then its counts and row errors. */
export function ImportJobStatus({ jobId }: { jobId: string }) {
  const job = useImportJob(jobId);
  if (job.isPending) return <LoadingState label="Starting the import…" />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const data = job.data;
  const { processed, total } = data.progress;
  const percent = total ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  const finished = isFinished(data);

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text fw={600}>{humanise(data.kind)} import</Text>
        <StatusBadge status={data.status} />
      </Group>
      {!finished && (
        <Stack gap={4}>
          <Progress value={percent} animated aria-label="Import progress" size="lg" />
          <Text size="sm" c="dimmed" aria-live="polite">
            {total === null
              ? `${formatCount(processed)} rows read…`
              : `${formatCount(processed)} of ${formatCount(total)} rows`}
          </Text>
        </Stack>
      )}
      {finished && (
        <Alert
          color={data.status === 'succeeded' && data.errors.length === 0 ? 'green' : 'orange'}
          variant="light"
          title={data.status === 'succeeded' ? 'Import finished' : 'Import failed'}
        >
          <Counts job={data} />
        </Alert>
      )}
      {finished && data.errors.length > 0 && <ErrorsTable job={data} />}
    </Stack>
  );
}
