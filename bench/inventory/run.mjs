#!/usr/bin/env node
// bench/inventory: the three figures of issue 5 in sequence, each against its anchor measured in the
// same run — (1) import.mjs (CSV import vs COPY; run only if present), (2) search.mjs (search p95
// under 32 clients), (3) adjustments.mjs (adjustments/s vs pgbench). Each script creates and drops
// its own database and starts its own built server; their output passes through, and the verdict
// lines are repeated at the end. Arguments after `--` go to search.mjs and adjustments.mjs
// (--seconds, --rounds; --connections is left to each script's default), except --only.
// Usage: npm run bench:inventory [-- --seconds 20 --rounds 2] [-- --only adjustments] [-- --help]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../lib/processes.mjs';

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(`Usage: npm run bench:inventory -- [--only import,search,adjustments] [--seconds N] [--rounds N] [options]
  --only LIST      run only these figures (comma-separated; default: all three)
  --seconds N      length of each measured round (search, adjustments)
  --rounds N       rounds per figure (search, adjustments)
  Other options go to search.mjs and adjustments.mjs as given, e.g. adjustments' --no-old-anchor
  and --profile (node bench/inventory/adjustments.mjs --help lists them).
  Smoke run of the adjustments figure: npm run bench:inventory -- --only adjustments --seconds 1 --rounds 1`);
  process.exit(0);
}
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
const passThrough = onlyAt >= 0 ? argv.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : argv;
const here = path.join(root, 'bench/inventory');
const scripts = [
  ['import', 'import.mjs', []],
  ['search', 'search.mjs', passThrough],
  ['adjustments', 'adjustments.mjs', passThrough],
].filter(([name, file]) => fs.existsSync(path.join(here, file)) && (!only || only.has(name)));
if (scripts.length === 0) throw new Error(`--only ${[...(only ?? [])].join(',')}: no such figure`);

const verdicts = [];
let failed = false;
for (const [name, file, scriptArgs] of scripts) {
  console.log(`\n=== bench/inventory/${file} ${scriptArgs.join(' ')}`);
  const lastLine = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, file), ...scriptArgs], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.once('exit', (code) => {
      if (code !== 0) failed = true;
      const last = tail.trim().split('\n').at(-1) ?? '';
      resolve(code === 0 ? last : `${name}: FAILED (exit ${code})`);
    });
  });
  verdicts.push(lastLine);
}
console.log('\n=== bench/inventory verdicts');
for (const verdict of verdicts) console.log(verdict);
process.exitCode = failed ? 1 : 0;
