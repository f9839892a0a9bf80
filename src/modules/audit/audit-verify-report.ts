import { legacyChain, platformChain } from './audit-chain.js';
import type { AuditChainBreak, AuditVerification } from './audit-verify.service.js';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** Where a chain's break is: `entry #<position> (sequence <n>)`, or only the sequence if gone. */
function whereBroken(broken: AuditChainBreak): string {
  return broken.position === null
    ? `sequence ${broken.sequence} (no longer in the log)`
    : `entry #${broken.position} (sequence ${broken.sequence})`;
}

/** The checkpoint a checkpoint reason was found by, e.g. `verify checkpoint of … records sequence 7`. */
function byCheckpoint(broken: AuditChainBreak): string {
  const checkpoint = broken.checkpoint;
  if (!checkpoint) return '';
  if (checkpoint.source === 'head')
    return ` (the chain's head records sequence ${checkpoint.sequence})`;
  const source = checkpoint.source === 'witness' ? 'logged' : checkpoint.source;
  return ` (${source} checkpoint of ${checkpoint.recordedAt.toISOString()} records sequence ${checkpoint.sequence})`;
}

/** Chains and entries per kind, e.g. `4 chains (legacy 4 entries, platform 2 entries, 2 organizations 17 entries)`. */
function chainSummary(result: AuditVerification): string {
  const count = (chain: string) => result.chains.find((c) => c.chain === chain)?.entries;
  const organizations = result.chains.filter((c) => c.chain.startsWith('org:'));
  const parts = [
    ...(count(legacyChain) === undefined
      ? []
      : [`legacy ${plural(count(legacyChain) ?? 0, 'entry', 'entries')}`]),
    ...(count(platformChain) === undefined
      ? []
      : [`platform ${plural(count(platformChain) ?? 0, 'entry', 'entries')}`]),
    ...(organizations.length === 0
      ? []
      : [
          `${plural(organizations.length, 'organization')} ${plural(
            organizations.reduce((sum, c) => sum + c.entries, 0),
            'entry',
            'entries',
          )}`,
        ]),
  ];
  return `${plural(result.chains.length, 'chain')}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * What `spareflow audit verify` prints: the verdict line (unchanged for an intact log), the chains,
 * then one line per broken chain naming its first broken entry and why.
 */
export function formatAuditVerification(result: AuditVerification, checkpointed: number): string[] {
  const checkpoints = `checkpointed ${plural(checkpointed, 'chain')}.`;
  if (result.ok)
    return [
      `Audit log intact: ${result.entries} entries verified.`,
      `${chainSummary(result)}; ${checkpoints}`,
    ];
  const broken = result.chains.filter((chain) => chain.broken !== null);
  return [
    `Audit log TAMPERED: ${broken.length} of ${plural(result.chains.length, 'chain')} broken (${result.entries} entries verified).`,
    ...broken.map((chain) => {
      const at = chain.broken as AuditChainBreak;
      return `  chain ${chain.chain}: ${whereBroken(at)}: ${at.reason}${byCheckpoint(at)}`;
    }),
    `${plural(result.chains.length - broken.length, 'chain')} intact; ${checkpoints}`,
  ];
}
