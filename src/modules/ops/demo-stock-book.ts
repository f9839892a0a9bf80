import type { PlanLine, PlannedLevel, PlannedOperation } from './demo-stock-plan.types.js';

const keyOf = (location: string, partNumber: string) => `${location}|${partNumber}`;

/**
 * The plan's own book of stock: every planned operation applied as the ledger will apply it, so
 * the plan only draws what the ledger accepts (nothing below zero, never more released or
 * consumed than a document holds). Throws on an operation the ledger would refuse.
 */
export class StockBook {
  private readonly levels = new Map<string, PlannedLevel>();
  private readonly transfers = new Map<string, { to: string; lines: PlanLine[] }>();

  level(location: string, partNumber: string): PlannedLevel {
    const key = keyOf(location, partNumber);
    let level = this.levels.get(key);
    if (!level) {
      level = { onHand: 0, reserved: 0, inTransit: 0 };
      this.levels.set(key, level);
    }
    return level;
  }

  available(location: string, partNumber: string): number {
    const level = this.level(location, partNumber);
    return level.onHand - level.reserved;
  }

  /** Every level the plan touched, keyed `location|partNumber`. */
  entries(): ReadonlyMap<string, PlannedLevel> {
    return this.levels;
  }

  apply(operation: PlannedOperation): void {
    const at = operation.location;
    switch (operation.kind) {
      case 'adjust':
        for (const line of operation.lines) this.change(at, line.partNumber, line.quantity, 0, 0);
        return;
      case 'transfer':
        this.transfers.set(operation.transfer, { to: operation.to, lines: operation.lines });
        for (const line of operation.lines) {
          this.change(at, line.partNumber, -line.quantity, 0, 0);
          this.change(operation.to, line.partNumber, 0, 0, line.quantity);
        }
        return;
      case 'receive_transfer': {
        const transfer = this.transfers.get(operation.transfer);
        if (!transfer) throw new Error(`unknown transfer ${operation.transfer}`);
        for (const line of transfer.lines)
          this.change(transfer.to, line.partNumber, line.quantity, 0, -line.quantity);
        return;
      }
      case 'count':
        for (const line of operation.lines)
          this.change(at, line.partNumber, line.counted - this.level(at, line.partNumber).onHand);
        return;
      case 'reserve':
      case 'release':
      case 'consume': {
        const sign = { reserve: [0, 1], release: [0, -1], consume: [-1, -1] }[operation.kind];
        for (const line of operation.lines)
          this.change(
            at,
            line.partNumber,
            (sign[0] ?? 0) * line.quantity,
            (sign[1] ?? 0) * line.quantity,
          );
        return;
      }
      case 'thresholds':
        return;
    }
  }

  private change(
    location: string,
    partNumber: string,
    onHand: number,
    reserved = 0,
    inTransit = 0,
  ): void {
    const level = this.level(location, partNumber);
    level.onHand += onHand;
    level.reserved += reserved;
    level.inTransit += inTransit;
    if (level.onHand < level.reserved || level.reserved < 0 || level.inTransit < 0)
      throw new Error(`demo stock plan went below zero at ${keyOf(location, partNumber)}`);
  }
}
