import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFolderStorage } from './local-folder-storage.js';
import { isSafeStorageKey } from './storage.port.js';

const base = await fs.mkdtemp(path.join(os.tmpdir(), 'spareflow-storage-'));
afterAll(() => fs.rm(base, { recursive: true, force: true }));

describe('isSafeStorageKey', () => {
  it.each(['parts/abc/1.png', 'a', 'x_y-z.webp'])('accepts %s', (key) => {
    expect(isSafeStorageKey(key)).toBe(true);
  });
  it.each(['', '../etc/passwd', 'parts/../../x', '/abs', 'a//b', '.hidden', 'a/b\\c', 'a/ b'])(
    'refuses %s',
    (key) => {
      expect(isSafeStorageKey(key)).toBe(false);
    },
  );
});

describe('LocalFolderStorage', () => {
  it('creates its folder on demand and round-trips bytes with the content type', async () => {
    const storage = new LocalFolderStorage(path.join(base, 'not-yet', 'files'));
    await storage.put('parts/p1/i1.png', Buffer.from('hello'), 'image/png');
    const stored = await storage.get('parts/p1/i1.png');
    expect(stored?.contentType).toBe('image/png');
    expect(stored?.byteSize).toBe(5);
    expect(await text(stored!.stream)).toBe('hello');
    await storage.delete('parts/p1/i1.png');
    expect(await storage.get('parts/p1/i1.png')).toBeUndefined();
    await storage.delete('parts/p1/i1.png');
  });

  it('refuses keys that would leave its root', async () => {
    const storage = new LocalFolderStorage(base);
    await expect(storage.put('../outside', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /unsafe storage key/,
    );
    await expect(storage.get('a/../../b')).rejects.toThrow(/unsafe/);
  });
});
