// The anchor of bench/auth: raw bcrypt (cost 12) `compare` calls, `--connections` of them in flight
// at once for `--seconds`, in a process of its own so UV_THREADPOOL_SIZE is the server's. Prints
// one JSON line: operations/s (completed inside the window) and p99 latency.
import bcrypt from 'bcrypt';

const [seconds, connections] = process.argv.slice(2).map(Number);
const password = 'Correct-horse-battery-9';
const hash = await bcrypt.hash(password, 12);

// Warm-up: one compare per client.
await Promise.all(Array.from({ length: connections }, () => bcrypt.compare(password, hash)));

const latencies = [];
const deadline = performance.now() + seconds * 1000;
async function client() {
  while (performance.now() < deadline) {
    const begin = performance.now();
    if (!(await bcrypt.compare(password, hash))) throw new Error('compare returned false');
    // Like the load generator: only what completes inside the window counts.
    if (performance.now() <= deadline) latencies.push(performance.now() - begin);
  }
}
await Promise.all(Array.from({ length: connections }, client));
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    ops: latencies.length,
    opsPerSecond: latencies.length / seconds,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))],
  }),
);
