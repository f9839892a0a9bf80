/**
 * The demo world's stock history as a plan: what happened, where, when and by whom, in terms of
 * location keys, part numbers and member e-mails. `demo-stock-plan.ts` draws it; the executor
 * (`demo-stock-history.service.ts`) records it through inventory's services, in order.
 */

export interface PlanLine {
  partNumber: string;
  quantity: number;
}

interface Planned {
  at: Date;
  /** Location key (`demo-organizations.ts`). */
  location: string;
  /** E-mail of the member who records it. */
  actor: string;
}

export type AdjustmentReasonPlanned = 'receipt' | 'damage' | 'loss' | 'return_restock';

export type PlannedOperation =
  | (Planned & {
      kind: 'adjust';
      note: string;
      lines: Array<PlanLine & { reason: AdjustmentReasonPlanned; unitCostPaise?: number }>;
    })
  | (Planned & { kind: 'transfer'; transfer: string; to: string; note: string; lines: PlanLine[] })
  | (Planned & { kind: 'receive_transfer'; transfer: string })
  | (Planned & {
      kind: 'count';
      note: string;
      lines: Array<{ partNumber: string; counted: number }>;
    })
  | (Planned & {
      kind: 'reserve' | 'release' | 'consume';
      document: { type: string; id: string };
      lines: PlanLine[];
    })
  | (Planned & {
      kind: 'thresholds';
      partNumber: string;
      minQuantity: number;
      reorderPoint: number;
      maxQuantity: number;
    });

/** One stock level as the plan tracks it. */
export interface PlannedLevel {
  onHand: number;
  reserved: number;
  inTransit: number;
}
