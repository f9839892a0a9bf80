import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { showSubmitError } from '../../lib/forms';
import { downloadFile } from './authorised-http';

interface ExportFile {
  label: string;
  path: string;
  fileName: string;
}

/** CSV downloads of the catalog (brands), stock levels and the movement ledger. */
export function ExportButtons({ includeParts }: { includeParts: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const files: ExportFile[] = [
    ...(includeParts
      ? [{ label: 'Export parts', path: '/api/v1/parts/export.csv', fileName: 'parts.csv' }]
      : []),
    { label: 'Export stock', path: '/api/v1/inventory/export.csv', fileName: 'stock.csv' },
    {
      label: 'Export movements',
      path: '/api/v1/inventory/movements/export.csv',
      fileName: 'stock-movements.csv',
    },
  ];
  const download = (file: ExportFile) => {
    setBusy(file.path);
    downloadFile(file.path, file.fileName)
      .catch((error: unknown) => showSubmitError(null, error))
      .finally(() => setBusy(null));
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Export
      </Title>
      <Text size="sm" c="dimmed">
        The parts and stock files import back unchanged (stock with “Set quantities”).
      </Text>
      <Group gap="sm">
        {files.map((file) => (
          <Button
            key={file.path}
            variant="default"
            leftSection={<IconFileExport size={16} aria-hidden />}
            loading={busy === file.path}
            onClick={() => download(file)}
          >
            {file.label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
