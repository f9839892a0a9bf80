import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { AppDialog, useDialogOpening } from '../../components/app-dialog';
import { showSubmitError } from '../../lib/forms';
import { formatPaise, rupeesToPaise } from '../../lib/format';
import { useCreateTopup, useVerifyTopup, type CreatedTopup } from '../payments/payments.queries';
import { razorpayCheckout, sandboxCheckout, type CheckoutResult } from './checkout';

/** The server's limits (src/modules/payments/topup.rules.ts): ₹100 to ₹5,00,000 per top-up. */
export const minTopupPaise = 100_00;
export const maxTopupPaise = 5_00_000_00;

/** Checks the amount as a person types it ("₹ 1,500", "2500.50") and gives paise or a message. */
export function topupAmountProblem(input: string): string | null {
  const paise = rupeesToPaise(input);
  if (paise === null) return 'Enter an amount in rupees, e.g. 1,500 or 2500.50';
  if (paise < minTopupPaise) return `At least ${formatPaise(minTopupPaise)}`;
  if (paise > maxTopupPaise) return `At most ${formatPaise(maxTopupPaise)} per top-up`;
  return null;
}

type Stage =
  | { step: 'amount' }
  | { step: 'paying'; topup: CreatedTopup }
  | { step: 'verifying'; topup: CreatedTopup }
  | { step: 'credited'; amountPaise: number; balancePaise: number }
  | { step: 'not-paid'; message: string };

export type OpenCheckout = (topup: CreatedTopup) => Promise<CheckoutResult>;

/** Sandbox: the simulator's page; live: Razorpay Checkout. */
const defaultCheckout: OpenCheckout = (topup) =>
  topup.sandbox ? sandboxCheckout(topup) : razorpayCheckout(topup, 'your wallet');

function TopUpFlow({
  openingId,
  onClose,
  openCheckout,
}: {
  openingId: string;
  onClose: () => void;
  openCheckout: OpenCheckout;
}) {
  const create = useCreateTopup();
  const verify = useVerifyTopup();
  const [stage, setStage] = useState<Stage>({ step: 'amount' });
  const form = useForm({ initialValues: { amount: '' }, validate: { amount: topupAmountProblem } });

  const submit = form.onSubmit(async (values) => {
    const amountPaise = rupeesToPaise(values.amount);
    if (amountPaise === null) return;
    let topup: CreatedTopup;
    try {
      topup = await create.mutateAsync({ amountPaise, idempotencyKey: openingId });
    } catch (error) {
      showSubmitError(form, error);
      return;
    }
    setStage({ step: 'paying', topup });
    const result = await openCheckout(topup);
    if (result.outcome !== 'paid') {
      setStage({
        step: 'not-paid',
        message:
          result.outcome === 'failed'
            ? `The payment failed: ${result.description} Nothing was charged to your wallet.`
            : 'The payment window was closed before paying. Nothing was charged.',
      });
      return;
    }
    setStage({ step: 'verifying', topup });
    try {
      const verified = await verify.mutateAsync({
        topupId: topup.topupId,
        razorpayPaymentId: result.payment.razorpay_payment_id,
        razorpaySignature: result.payment.razorpay_signature,
      });
      setStage({
        step: 'credited',
        amountPaise: verified.amountPaise,
        balancePaise: verified.balancePaise,
      });
    } catch (error) {
      setStage({
        step: 'not-paid',
        message: `${error instanceof Error ? error.message : 'The payment could not be confirmed.'} If money left your account, the wallet is credited automatically once Razorpay confirms it.`,
      });
    }
  });

  if (stage.step === 'credited')
    return (
      <Stack gap="sm">
        <Alert color="green" title="Wallet topped up">
          {formatPaise(stage.amountPaise)} was added. Balance: {formatPaise(stage.balancePaise)}.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  if (stage.step === 'not-paid')
    return (
      <Stack gap="sm">
        <Alert color="orange" title="Not topped up">
          {stage.message}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  if (stage.step === 'paying' || stage.step === 'verifying')
    return (
      <Stack gap="sm" role="status">
        <Text>
          {stage.step === 'paying'
            ? `Complete the payment of ${formatPaise(stage.topup.amountPaise)} in the ${stage.topup.sandbox ? 'sandbox checkout window (no money moves)' : 'Razorpay window'}.`
            : 'Confirming the payment with Razorpay…'}
        </Text>
      </Stack>
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Amount in rupees"
          description={`${formatPaise(minTopupPaise)} to ${formatPaise(maxTopupPaise)}`}
          placeholder="e.g. 5,000"
          inputMode="decimal"
          leftSection="₹"
          {...form.getInputProps('amount')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Pay
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Top up" and its dialog: the amount in rupees as people type it, then Razorpay Checkout (live)
 * or the simulator's checkout page (sandbox), then the server's verification, which credits the
 * wallet once and answers the new balance. Mount it only for callers holding `wallet.topup`
 * (`can(me, 'wallet.topup')`); the server refuses the others anyway.
 */
export function TopUpButton({ openCheckout = defaultCheckout }: { openCheckout?: OpenCheckout }) {
  const dialog = useDialogOpening();
  return (
    <>
      <Button onClick={dialog.open}>Top up</Button>
      <AppDialog
        opened={dialog.opened}
        onClose={dialog.close}
        openingKey={dialog.openingId}
        title="Top up the wallet"
      >
        <TopUpFlow
          openingId={dialog.openingId}
          onClose={dialog.close}
          openCheckout={openCheckout}
        />
      </AppDialog>
    </>
  );
}
