import { describe, expect, it } from 'vitest';
import { bytesMatchImageType, imageTypeOf } from './part-image.rules.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);

describe('part image rules', () => {
  it('accepts the three image types, parameters and case ignored', () => {
    expect(imageTypeOf('image/PNG')).toBe('image/png');
    expect(imageTypeOf('image/jpeg; charset=binary')).toBe('image/jpeg');
    expect(imageTypeOf('image/webp')).toBe('image/webp');
    expect(imageTypeOf('image/gif')).toBeUndefined();
    expect(imageTypeOf('image/svg+xml')).toBeUndefined();
    expect(imageTypeOf(undefined)).toBeUndefined();
  });
  it('checks the magic bytes against the declared type', () => {
    expect(bytesMatchImageType(png, 'image/png')).toBe(true);
    expect(bytesMatchImageType(jpeg, 'image/jpeg')).toBe(true);
    expect(bytesMatchImageType(webp, 'image/webp')).toBe(true);
    expect(bytesMatchImageType(png, 'image/jpeg')).toBe(false);
    expect(bytesMatchImageType(Buffer.from('<html>'), 'image/png')).toBe(false);
    expect(bytesMatchImageType(Buffer.alloc(0), 'image/webp')).toBe(false);
  });
});
