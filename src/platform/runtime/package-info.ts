import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (where package.json sits). This file is `src/platform/runtime/` in a
 * source run and `dist/platform/runtime/` in a build: three levels below the root either way, the
 * same rule bin/spareflow.mjs follows, so it holds wherever the package is installed.
 */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let cachedVersion: string | undefined;

/** `version` from package.json, read once (the file does not change while the process runs). */
export function packageVersion(): string {
  if (cachedVersion === undefined) {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'),
    ) as { version?: unknown };
    cachedVersion = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  }
  return cachedVersion;
}
