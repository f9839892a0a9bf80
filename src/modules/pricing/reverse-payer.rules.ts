/** Why a part travels back (the returns contract's reasons). */
export const returnReasons = [
  'defective',
  'wrong_part',
  'excess_stock',
  'damaged',
  'customer_return',
] as const;
export type ReturnReason = (typeof returnReasons)[number];

/**
 * Who pays a reverse shipment: `brand` (the brand whose part it is), `partner` (the service
 * center or distributor sending back its own excess stock) or `customer`.
 */
export type ReversePayer = 'brand' | 'partner' | 'customer';

/**
 * The payer of a reverse shipment by its reason: a defective, wrong or damaged part is the
 * brand's fault, so the brand pays; excess stock is the partner's ordering, so it pays; a
 * customer's return is the customer's.
 */
export function reversePayer(reason: ReturnReason): ReversePayer {
  switch (reason) {
    case 'defective':
    case 'wrong_part':
    case 'damaged':
      return 'brand';
    case 'excess_stock':
      return 'partner';
    case 'customer_return':
      return 'customer';
  }
}
