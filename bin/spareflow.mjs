#!/usr/bin/env node
// Entry point of the `spareflow` command. Runs the compiled build; builds it first when the server
// or the web app build is missing (a fresh clone after `npm install`), so `npm start` works
// without a separate build step. `npm run build` builds both.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'cli', 'main.js');
const webIndex = join(root, 'dist', 'web', 'index.html');
if (!existsSync(entry) || !existsSync(webIndex)) {
  process.stderr.write('SpareFlow: no build found, building once (npm run build)…\n');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(entry).href);
