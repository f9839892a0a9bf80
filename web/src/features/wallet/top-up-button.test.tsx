import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { TopUpButton, topupAmountProblem, type OpenCheckout } from './top-up-button';

afterEach(() => {
  vi.unstubAllGlobals();
});

const topupId = '7b0c2f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

function fakeServer(verifyStatus = 200) {
  const calls: Array<{ path: string; body: unknown; key: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const body = request.method === 'POST' ? ((await request.json()) as unknown) : undefined;
      calls.push({ path: url.pathname, body, key: request.headers.get('idempotency-key') });
      if (url.pathname === '/api/v1/wallet/topups')
        return jsonResponse(201, {
          topupId,
          razorpayOrderId: 'order_AbCdEfGhIjKlMn',
          keyId: 'rzp_test_Key',
          amountPaise: (body as { amountPaise: number }).amountPaise,
          currency: 'INR',
          sandbox: true,
          checkoutUrl:
            'http://127.0.0.1:4567/checkout?order_id=order_AbCdEfGhIjKlMn&key_id=rzp_test_Key',
        });
      if (verifyStatus !== 200)
        return jsonResponse(verifyStatus, {
          status: verifyStatus,
          code: 'PAYMENT_MISMATCH',
          title: 'Payment does not match the top-up',
          detail: 'The payment does not match this top-up (amount).',
        });
      return jsonResponse(200, {
        status: 'credited',
        balancePaise: 1_75_050_00,
        topupId,
        amountPaise: 1_50_050,
      });
    }),
  );
  return calls;
}

const paid: OpenCheckout = async (topup) => ({
  outcome: 'paid',
  payment: {
    razorpay_order_id: topup.razorpayOrderId,
    razorpay_payment_id: 'pay_AbCdEfGhIjKlMn',
    razorpay_signature: 'a'.repeat(64),
  },
});

describe('TopUpButton', () => {
  it('reads rupees as typed, pays through checkout, verifies and shows the new balance', async () => {
    const calls = fakeServer();
    const checkout = vi.fn(paid);
    const user = userEvent.setup();
    renderWithProviders(<TopUpButton openCheckout={checkout} />);
    await user.click(screen.getByRole('button', { name: 'Top up' }));
    await user.type(await screen.findByLabelText(/Amount in rupees/), '1,500.50');
    await user.click(screen.getByRole('button', { name: 'Pay' }));

    expect(await screen.findByText(/₹1,500.50 was added/)).toBeInTheDocument();
    expect(screen.getByText(/Balance: ₹1,75,050.00/)).toBeInTheDocument();
    expect(checkout).toHaveBeenCalledWith(
      expect.objectContaining({ razorpayOrderId: 'order_AbCdEfGhIjKlMn' }),
    );
    expect(calls[0]).toMatchObject({
      path: '/api/v1/wallet/topups',
      body: { amountPaise: 1_50_050 },
    });
    expect(calls[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]).toMatchObject({
      path: `/api/v1/wallet/topups/${topupId}/verify`,
      body: { razorpayPaymentId: 'pay_AbCdEfGhIjKlMn', razorpaySignature: 'a'.repeat(64) },
    });
  });

  it('refuses amounts outside ₹100 – ₹5,00,000 before calling the server', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    renderWithProviders(<TopUpButton openCheckout={paid} />);
    await user.click(screen.getByRole('button', { name: 'Top up' }));
    await user.type(await screen.findByLabelText(/Amount in rupees/), '99');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    expect(await screen.findByText('At least ₹100.00')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('says nothing was credited when the payment fails or verification is refused', async () => {
    fakeServer(409);
    const user = userEvent.setup();
    renderWithProviders(<TopUpButton openCheckout={paid} />);
    await user.click(screen.getByRole('button', { name: 'Top up' }));
    await user.type(await screen.findByLabelText(/Amount in rupees/), '500');
    await user.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(screen.getByText('Not topped up')).toBeInTheDocument());
    expect(screen.getByText(/does not match this top-up/)).toBeInTheDocument();
  });
});

describe('topupAmountProblem', () => {
  it('accepts Indian grouping and the ₹ sign, refuses the rest', () => {
    expect(topupAmountProblem('₹ 5,00,000')).toBeNull();
    expect(topupAmountProblem('100')).toBeNull();
    expect(topupAmountProblem('5,00,000.01')).toBe('At most ₹5,00,000.00 per top-up');
    expect(topupAmountProblem('1.234')).toMatch(/Enter an amount/);
  });
});
