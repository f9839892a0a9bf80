import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files worth compressing (source maps are fetched only by developer tools: left out). */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;

export interface PrecompressResult {
  file: string;
  size: number;
  br?: number;
  gz?: number;
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every
 * compressible file of `dir` of at least `threshold` bytes, each only when smaller than the
 * file. The server sends them to browsers that accept them (@fastify/static `preCompressed`), so
 * the cost of the strongest settings is paid once per build, never per request.
 */
export async function precompressDirectory(
  dir: string,
  threshold = 1024,
): Promise<PrecompressResult[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && compressible.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (file) => {
      const content = await fs.readFile(file);
      const result: PrecompressResult = { file: path.relative(dir, file), size: content.length };
      if (content.length < threshold) return result;
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < content.length) {
        await fs.writeFile(`${file}.br`, br);
        result.br = br.length;
      }
      if (gz.length < content.length) {
        await fs.writeFile(`${file}.gz`, gz);
        result.gz = gz.length;
      }
      return result;
    }),
  );
}

/** Vite plugin: precompresses the build's output directory once the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'spareflow-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
