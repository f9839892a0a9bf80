import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a generated secret from the data folder, creating it (mode 0600) on first use.
 * Used for the embedded database password and the sandbox JWT secret, which must survive restarts
 * but never be committed or printed.
 */
export async function readOrCreateSecret(
  dataDir: string,
  name: string,
  bytes = 48,
): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    const existing = (await fs.readFile(file, 'utf8')).trim();
    if (existing !== '') return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(dataDir, { recursive: true });
  const secret = crypto.randomBytes(bytes).toString('base64url');
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    // Another process won the race to create it: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return (await fs.readFile(file, 'utf8')).trim();
}

/** Reads a secret the data folder holds, or `undefined` when it has none (nothing is created). */
export async function readSecret(dataDir: string, name: string): Promise<string | undefined> {
  try {
    const secret = (await fs.readFile(path.join(dataDir, name), 'utf8')).trim();
    return secret === '' ? undefined : secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
