// Load generators shared by the benches: wrk (C, one thread, so the generator is not what is
// measured) when installed, autocannon otherwise; and wrk driven by a Lua script for request mixes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export const hasWrk = () => spawnSync('wrk', ['--version']).error === undefined;

/** wrk on one URL: requests/s, the p99 as wrk prints it, and failed requests (non-2xx/3xx, connect errors). */
export function wrkRun(url, { connections, seconds }) {
  const result = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1]);
  const p99 = /99%\s+(\S+)/.exec(result.stdout)?.[1] ?? '?';
  const failures =
    Number(/Non-2xx or 3xx responses: (\d+)/.exec(result.stdout)?.[1] ?? 0) +
    Number(/Socket errors: connect (\d+)/.exec(result.stdout)?.[1] ?? 0);
  return { rps, p99, failures };
}

/** autocannon on one URL (GET unless `options` say otherwise): the result object as autocannon gives it. */
export function autocannonRun(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// Appended to every Lua script: prints one JSON line with what the caller needs.
const luaDone = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nWRK_JSON {"requests":%d,"durationUs":%d,"non2xx":%d,"socketErrors":%d,' ..
    '"p50Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean))
end
`;

/**
 * wrk with a Lua `request()` (and whatever else `lua` defines) against `baseUrl`, one thread and
 * `connections` connections for `seconds`. Returns requests, requests/s, p50/p95/p99/max in ms
 * (wrk's latency histogram, so coordinated omission is not corrected: it is closed-loop load) and
 * the failed ones (non-2xx/3xx statuses and socket errors).
 */
export function wrkLua(baseUrl, lua, { connections, seconds, timeoutSeconds = 10 }) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-wrk-')), 'script.lua');
  fs.writeFileSync(file, `${lua}\n${luaDone}`);
  try {
    const result = spawnSync(
      'wrk',
      [
        '-t1',
        `-c${connections}`,
        `-d${seconds}s`,
        `--timeout`,
        `${timeoutSeconds}s`,
        '-s',
        file,
        baseUrl,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const line = /WRK_JSON (\{.*\})/.exec(result.stdout ?? '')?.[1];
    if (result.status !== 0 || !line)
      throw new Error(`wrk failed: ${result.stderr}${result.stdout}`);
    const raw = JSON.parse(line);
    const seconds_ = raw.durationUs / 1e6;
    return {
      requests: raw.requests,
      seconds: seconds_,
      perSecond: raw.requests / seconds_,
      okPerSecond: (raw.requests - raw.non2xx) / seconds_,
      p50: raw.p50Us / 1000,
      p95: raw.p95Us / 1000,
      p99: raw.p99Us / 1000,
      max: raw.maxUs / 1000,
      mean: raw.meanUs / 1000,
      failures: raw.non2xx + raw.socketErrors,
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** A Lua string literal for `value` (JSON strings are valid Lua strings for ASCII text). */
export const luaString = (value) => JSON.stringify(String(value));
