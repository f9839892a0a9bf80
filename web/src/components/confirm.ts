import { modals } from '@mantine/modals';

type ConfirmOptions = Parameters<typeof modals.openConfirmModal>[0];

/**
 * A confirmation dialog ("Revoke this invitation?") whose initial focus is its Cancel button —
 * the least destructive choice — rather than the × Mantine would focus first. Use it instead of
 * `modals.openConfirmModal`.
 */
export function openConfirm(options: ConfirmOptions): string {
  const autofocus = { 'data-autofocus': true } as NonNullable<ConfirmOptions['cancelProps']>;
  return modals.openConfirmModal({
    ...options,
    cancelProps: { ...autofocus, ...options.cancelProps },
  });
}
