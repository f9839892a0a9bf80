import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../session/session-context';
import { saveBlob } from './authorised-http';
import { templateCsv } from './csv-templates';
import { ImportJobStatus } from './import-job-status';
import { useStartImport, type ImportKind, type StockMode } from './imports.queries';
import { ExportButtons } from './export-buttons';
import { can } from '../../session/capabilities';

function uploadProblem(error: unknown): string {
  if (isApiProblem(error) && error.status === 413) return 'The file is larger than 50 MB.';
  if (isApiProblem(error) && error.status === 415) return 'Choose a CSV file (text/csv).';
  return error instanceof Error ? error.message : 'The file was not sent.';
}

/** Bulk CSV: import parts or stock as a background job with progress, and CSV exports. */
export function ImportsPage() {
  const me = useMe();
  const importsParts = can(me, 'catalog.import');
  const importsStock = can(me, 'stock.import');
  const [kind, setKind] = useState<ImportKind>(importsParts ? 'parts' : 'stock');
  const [mode, setMode] = useState<StockMode>('set');
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport();

  const begin = () => {
    if (!file) return;
    setJobId(null);
    start.mutate(
      { kind, mode, allOrNothing, file },
      { onSuccess: (accepted) => setJobId(accepted.jobId) },
    );
  };

  const template = () =>
    saveBlob(
      new Blob([templateCsv(kind)], { type: 'text/csv' }),
      kind === 'parts' ? 'parts-template.csv' : 'stock-template.csv',
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Imports"
        description="Add or update many parts or stock quantities at once from a CSV file."
      />
      <Paper withBorder p="md">
        <Stack gap="md">
          <Title order={2} size="h4">
            Import a CSV file
          </Title>
          {importsParts && importsStock && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="import-kind-label">
                What to import
              </Text>
              <SegmentedControl
                aria-labelledby="import-kind-label"
                value={kind}
                onChange={(value) => setKind(value as ImportKind)}
                data={[
                  { value: 'parts', label: 'Parts' },
                  { value: 'stock', label: 'Stock' },
                ]}
              />
            </Stack>
          )}
          {kind === 'stock' && importsStock && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="stock-mode-label">
                Quantities in the file
              </Text>
              <SegmentedControl
                aria-labelledby="stock-mode-label"
                value={mode}
                onChange={(value) => setMode(value as StockMode)}
                data={[
                  { value: 'set', label: 'Set quantities on hand' },
                  { value: 'adjust', label: 'Adjust by (+/−)' },
                ]}
              />
              <Text size="xs" c="dimmed">
                Each row names its location in the location_name (or location_id) column.
              </Text>
            </Stack>
          )}
          <Checkbox
            label="All or nothing: import no row if any row has an error"
            checked={allOrNothing}
            onChange={(event) => setAllOrNothing(event.currentTarget.checked)}
          />
          <Group gap="sm">
            <FileButton onChange={setFile} accept=".csv,text/csv">
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  leftSection={<IconFileUpload size={16} aria-hidden />}
                >
                  Choose CSV file
                </Button>
              )}
            </FileButton>
            <Text size="sm" c={file ? undefined : 'dimmed'}>
              {file ? file.name : 'No file chosen'}
            </Text>
          </Group>
          <Group gap="sm">
            <Button onClick={begin} disabled={!file} loading={start.isPending}>
              Start import
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={template}
            >
              Download template
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            The template has one example row: replace it with yours. Column names may be written in
            any case, with spaces (Part Number, Unit Price); prices in rupees, such as 1,250.50 or
            ₹1,250; GST as 18%.
          </Text>
          {start.isError && (
            <Alert color="red" variant="light" role="alert" title="Import not started">
              {uploadProblem(start.error)}
            </Alert>
          )}
          {jobId && <ImportJobStatus jobId={jobId} />}
        </Stack>
      </Paper>
      <ExportButtons includeParts={can(me, 'catalog.export')} />
    </Stack>
  );
}
