import type { Readable } from 'node:stream';

/** A stored object as read back: its bytes as a stream and the content type it was stored with. */
export interface StoredObject {
  stream: Readable;
  contentType: string;
  byteSize: number;
}

/**
 * Where uploaded files (part images, later documents) live. A port so the local folder used by a
 * single server can be swapped for object storage without touching the modules that upload.
 * Keys are relative, slash-separated names (`parts/<partId>/<imageId>.png`); adapters refuse
 * anything that could escape their root.
 */
export interface StoragePort {
  /** Stores (or replaces) the object under `key`. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object under `key`, or `undefined` when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Removes the object; removing a missing key is not an error (deletes are retried). */
  delete(key: string): Promise<void>;
}

const safeSegment = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Whether a storage key is safe on every adapter: 1–8 segments of letters, digits, `.`, `_`
 * and `-`, none starting with a dot (so no `..`, no hidden files, no absolute paths).
 */
export function isSafeStorageKey(key: string): boolean {
  const segments = key.split('/');
  return segments.length >= 1 && segments.length <= 8 && segments.every((s) => safeSegment.test(s));
}
