/** The image types a part image may have, with the file extension each is stored under. */
export const partImageTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;
export type PartImageType = keyof typeof partImageTypes;

export const maxPartImageBytes = 5 * 1024 * 1024;
export const maxImagesPerPart = 10;

/** Whether a `Content-Type` header (parameters ignored) names an accepted image type. */
export function imageTypeOf(contentType: string | undefined): PartImageType | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type && type in partImageTypes ? (type as PartImageType) : undefined;
}

/**
 * Whether the bytes really are the declared type (magic numbers), so an HTML file labelled as
 * a PNG is never stored and served back.
 */
export function bytesMatchImageType(bytes: Buffer, type: PartImageType): boolean {
  switch (type) {
    case 'image/jpeg':
      return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/png':
      return (
        bytes.length >= 8 &&
        bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      );
    case 'image/webp':
      return (
        bytes.length >= 12 &&
        bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
        bytes.subarray(8, 12).toString('latin1') === 'WEBP'
      );
  }
}
