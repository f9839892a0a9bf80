import type { WitnessCheckpoint } from './audit-checkpoint.repository.js';

interface LoggedCheckpoint {
  time?: unknown;
  auditCheckpoint?: { chain?: unknown; sequence?: unknown; entryHash?: unknown };
}

/**
 * The audit chain checkpoints written to the application log (`audit chain checkpoint` lines of the
 * daily job, JSON lines as pino writes them), for `spareflow audit verify --witness`. Any other
 * line, JSON or not, is skipped, so a whole log file can be passed.
 */
export function readWitnessCheckpoints(log: string): WitnessCheckpoint[] {
  const found: WitnessCheckpoint[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes('"auditCheckpoint"')) continue;
    let parsed: LoggedCheckpoint;
    try {
      parsed = JSON.parse(line) as LoggedCheckpoint;
    } catch {
      continue;
    }
    const checkpoint = parsed.auditCheckpoint;
    if (
      typeof checkpoint?.chain !== 'string' ||
      typeof checkpoint.sequence !== 'number' ||
      !Number.isSafeInteger(checkpoint.sequence) ||
      typeof checkpoint.entryHash !== 'string'
    )
      continue;
    const time = typeof parsed.time === 'string' ? new Date(parsed.time) : new Date(Number.NaN);
    found.push({
      chain: checkpoint.chain,
      sequence: checkpoint.sequence,
      hash: checkpoint.entryHash,
      recordedAt: Number.isNaN(time.getTime()) ? new Date(0) : time,
    });
  }
  return found;
}
