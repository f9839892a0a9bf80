import { describe, expect, it } from 'vitest';
import { readWitnessCheckpoints } from './audit-witness.js';

describe('readWitnessCheckpoints', () => {
  it('takes the audit chain checkpoints out of a log and skips every other line', () => {
    const log = [
      '{"level":"info","time":"2026-12-07T00:10:01.000Z","msg":"job done"}',
      'not json at all "auditCheckpoint"',
      '{"level":"info","time":"2026-12-07T00:10:02.000Z","auditCheckpoint":{"chain":"org:a","sequence":17,"entryHash":"abc","source":"schedule"},"msg":"audit chain checkpoint"}',
      '{"level":"info","auditCheckpoint":{"chain":"platform","sequence":"3","entryHash":"def"}}',
      '{"level":"info","auditCheckpoint":{"chain":"platform","sequence":3,"entryHash":"def"}}',
      '',
    ].join('\n');
    expect(readWitnessCheckpoints(log)).toEqual([
      {
        chain: 'org:a',
        sequence: 17,
        hash: 'abc',
        recordedAt: new Date('2026-12-07T00:10:02.000Z'),
      },
      { chain: 'platform', sequence: 3, hash: 'def', recordedAt: new Date(0) },
    ]);
  });
});
