import { describe, expect, it } from 'vitest';
import { formatAuditVerification } from './audit-verify-report.js';
import type { AuditChainReport } from './audit-verify.service.js';

const intact = (chain: string, entries: number): AuditChainReport => ({
  chain,
  entries,
  last: entries ? { sequence: entries, position: entries, hash: 'h' } : null,
  broken: null,
});

describe('formatAuditVerification', () => {
  it('keeps the verdict line of an intact log and sums the chains by kind', () => {
    expect(
      formatAuditVerification(
        {
          ok: true,
          entries: 18,
          chains: [
            intact('legacy', 10),
            intact('platform', 1),
            intact('org:a', 4),
            intact('org:b', 3),
          ],
        },
        1,
      ),
    ).toEqual([
      'Audit log intact: 18 entries verified.',
      '4 chains (legacy 10 entries, platform 1 entry, 2 organizations 7 entries); checkpointed 1 chain.',
    ]);
    expect(formatAuditVerification({ ok: true, entries: 0, chains: [] }, 0)).toEqual([
      'Audit log intact: 0 entries verified.',
      '0 chains; checkpointed 0 chains.',
    ]);
  });

  it('names the first broken entry of each broken chain, and what a checkpoint expected', () => {
    const lines = formatAuditVerification(
      {
        ok: false,
        entries: 5,
        chains: [
          {
            ...intact('legacy', 2),
            broken: { sequence: 3, position: 3, reason: 'chain link broken' },
          },
          intact('platform', 1),
          {
            ...intact('org:a', 2),
            broken: {
              sequence: 3,
              position: null,
              reason: 'tail missing after checkpoint',
              checkpoint: { sequence: 5, source: 'head', recordedAt: new Date(0) },
            },
          },
          {
            ...intact('org:b', 0),
            broken: {
              sequence: 2,
              position: 40,
              reason: 'differs from checkpoint',
              checkpoint: {
                sequence: 2,
                source: 'schedule',
                recordedAt: new Date('2026-11-27T00:10:00.000Z'),
              },
            },
          },
        ],
      },
      1,
    );
    expect(lines).toEqual([
      'Audit log TAMPERED: 3 of 4 chains broken (5 entries verified).',
      '  chain legacy: entry #3 (sequence 3): chain link broken',
      "  chain org:a: sequence 3 (no longer in the log): tail missing after checkpoint (the chain's head records sequence 5)",
      '  chain org:b: entry #40 (sequence 2): differs from checkpoint (schedule checkpoint of 2026-11-27T00:10:00.000Z records sequence 2)',
      '1 chain intact; checkpointed 1 chain.',
    ]);
  });
});
