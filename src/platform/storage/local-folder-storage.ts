import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isSafeStorageKey, type StoragePort, type StoredObject } from './storage.port.js';

/**
 * The default storage adapter: one file per key under a root folder (`STORAGE_DIR`), created on
 * demand. The content type is kept in a `.type` sidecar file so `get` can answer with it.
 * Writes go to a temporary name and are renamed into place, so a reader never sees half a file.
 */
export class LocalFolderStorage implements StoragePort {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    if (!isSafeStorageKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
    const resolved = path.resolve(this.root, ...key.split('/'));
    // Belt and braces: the key check already rules this out.
    if (!resolved.startsWith(this.root + path.sep)) throw new Error('storage key escapes root');
    return resolved;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(`${file}.type`, contentType);
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, file);
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const file = this.pathOf(key);
    try {
      const [stat, contentType] = await Promise.all([
        fs.stat(file),
        fs.readFile(`${file}.type`, 'utf8'),
      ]);
      return { stream: createReadStream(file), contentType, byteSize: stat.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.rm(file, { force: true });
    await fs.rm(`${file}.type`, { force: true });
  }
}
