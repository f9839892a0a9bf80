import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { openConfirm } from '../../components/confirm';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { EmptyState, LoadingState } from '../../components/query-state';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import {
  useDeleteImage,
  useImageObjectUrl,
  useUploadImage,
  type PartDetail,
} from './catalog.queries';

const accepted = 'image/jpeg,image/png,image/webp';

/** Why an upload failed, in words a person can act on (413 and 415 from the server). */
export function uploadProblem(error: unknown): string {
  if (isApiProblem(error) && error.status === 413)
    return 'The image is larger than 5 MB. Choose a smaller file.';
  if (isApiProblem(error) && error.status === 415)
    return 'Only JPEG, PNG or WebP images can be uploaded.';
  return error instanceof Error ? error.message : 'The image was not uploaded.';
}

function PartImage({ url, alt }: { url: string; alt: string }) {
  const source = useImageObjectUrl(url);
  if (source.isPending) return <LoadingState label="Loading image…" />;
  if (source.isError)
    return (
      <Text size="sm" c="dimmed">
        Image unavailable
      </Text>
    );
  return <Image src={source.data} alt={alt} radius="sm" h={160} fit="contain" />;
}

/** The part's images, with upload and delete for catalog editors. */
export function PartImages({ part, canEdit }: { part: PartDetail; canEdit: boolean }) {
  const upload = useUploadImage(part.id);
  const remove = useDeleteImage(part.id);
  const [problem, setProblem] = useState<string | null>(null);

  const send = (file: File | null) => {
    if (!file) return;
    setProblem(null);
    upload.mutate(file, {
      onSuccess: () => notifySuccess(`${file.name} was added.`),
      onError: (error) => setProblem(uploadProblem(error)),
    });
  };

  const confirmDelete = (imageId: string, index: number) =>
    openConfirm({
      title: 'Delete this image?',
      children: (
        <Text size="sm">
          Image {index + 1} of {part.partNumber} is removed for everyone.
        </Text>
      ),
      labels: { confirm: 'Delete image', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(imageId, {
          onSuccess: () => notifySuccess('The image was deleted.'),
          onError: (error) => showSubmitError(null, error),
        }),
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Images
        </Title>
        {canEdit && (
          <FileButton onChange={send} accept={accepted}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={upload.isPending}
                disabled={part.images.length >= 10}
              >
                Upload image
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {problem && (
        <Alert color="red" variant="light" role="alert" title="Image not uploaded">
          {problem}
        </Alert>
      )}
      {part.images.length === 0 ? (
        <EmptyState title="No images">
          {canEdit
            ? 'Upload JPEG, PNG or WebP photos up to 5 MB (at most 10).'
            : 'The brand has not added photos of this part.'}
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {part.images.map((image, index) => (
            <Paper key={image.id} withBorder p="xs">
              <Stack gap={4}>
                <PartImage url={image.url} alt={`${part.partNumber} image ${index + 1}`} />
                {canEdit && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Delete image ${index + 1}`}
                    onClick={() => confirmDelete(image.id, index)}
                  >
                    Delete
                  </Button>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
