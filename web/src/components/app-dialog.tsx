import { Modal, type ModalProps } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** What a dialog's trigger and the dialog share: whether it is open, and this opening's id. */
export interface DialogOpening {
  opened: boolean;
  /**
   * New for every opening (a UUID): the key the dialog's content is mounted under, so every
   * opening starts from a blank form, and the Idempotency-Key of what the opening submits.
   */
  openingId: string;
  open: () => void;
  close: () => void;
}

/** Open/close state of a dialog with a trigger of its own ("Adjust stock" → its dialog). */
export function useDialogOpening(): DialogOpening {
  const [state, setState] = useState({ opened: false, openingId: '' });
  return {
    ...state,
    // The id stays while the dialog fades out, so the closing form does not blank itself.
    open: () => setState({ opened: true, openingId: crypto.randomUUID() }),
    close: () => setState((current) => ({ ...current, opened: false })),
  };
}

/** Counts the openings of a dialog opened from outside (`opened` going from false to true). */
export function useOpeningCount(opened: boolean): number {
  const [seen, setSeen] = useState({ opened, count: opened ? 1 : 0 });
  // Derived during render (React's documented pattern), so the new opening never shows old state.
  if (seen.opened !== opened) {
    const next = { opened, count: opened ? seen.count + 1 : seen.count };
    setSeen(next);
    return next.count;
  }
  return seen.count;
}

const firstField =
  'input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled])';

/** Marks the first field for Mantine's focus trap, which would otherwise focus the × button. */
function FirstFieldFocus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Before the focus trap looks (it waits a tick after mounting): it focuses `[data-autofocus]`.
  useLayoutEffect(() => {
    const body = ref.current;
    if (!body || body.querySelector('[data-autofocus]')) return;
    body.querySelector(firstField)?.setAttribute('data-autofocus', 'true');
  }, []);
  return <div ref={ref}>{children}</div>;
}

/**
 * The app's dialog: a Mantine Modal whose content is mounted afresh for every opening (`key`),
 * so a form inside starts blank, or from the context it was given, never from the previous
 * entry. Put the form's state in a component rendered as `children`, not in the trigger's. The
 * × is named ("Close dialog"); initial focus goes to the first field (or to an element marked
 * `data-autofocus`), not to the ×.
 */
export function AppDialog({
  opened,
  onClose,
  openingKey,
  title,
  size,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  /** A dialog with its own trigger passes `useDialogOpening().openingId`; others count openings. */
  openingKey?: string;
  title: ReactNode;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  const count = useOpeningCount(opened);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <FirstFieldFocus key={openingKey ?? String(count)}>{children}</FirstFieldFocus>
    </Modal>
  );
}
