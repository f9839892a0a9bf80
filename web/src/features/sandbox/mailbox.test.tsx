import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { splitLinks } from './linkified-text';
import { MailboxPage } from './mailbox.page';

afterEach(() => {
  vi.unstubAllGlobals();
});

const origin = window.location.origin;
const emails = [
  {
    id: 'm1',
    to: ['asha@example.in'],
    subject: 'Verify your e-mail',
    text: `Hello Asha,\n\nConfirm your address: ${origin}/verify-email?token=abc123.\nHelp: https://help.example.in/faq\n<script>alert(1)</script>`,
    receivedAt: '2026-11-26T03:00:00.000Z',
    links: [],
  },
  {
    id: 'm2',
    to: ['ravi@example.in'],
    subject: 'Older message',
    text: 'Nothing to click here.',
    receivedAt: '2026-11-25T03:00:00.000Z',
    links: [],
  },
];

describe('MailboxPage', () => {
  it('shows the newest e-mail with every URL as a clickable link and no HTML', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { items: [...emails].reverse(), sandbox: true })),
    );
    renderWithProviders(<MailboxPage />);

    const reader = await screen.findByRole('article', { name: 'Selected e-mail' });
    expect(within(reader).getByRole('heading', { name: 'Verify your e-mail' })).toBeVisible();

    const own = within(reader).getByRole('link', { name: `${origin}/verify-email?token=abc123` });
    expect(own).toHaveAttribute('href', '/verify-email?token=abc123');
    expect(own).not.toHaveAttribute('target');

    const external = within(reader).getByRole('link', { name: 'https://help.example.in/faq' });
    expect(external).toHaveAttribute('href', 'https://help.example.in/faq');
    expect(external).toHaveAttribute('target', '_blank');
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');

    expect(within(reader).getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument();
    expect(document.querySelector('script')).toBeNull();
  });

  it('opens another e-mail from the list', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, { items: emails, sandbox: true })),
    );
    const user = userEvent.setup();
    renderWithProviders(<MailboxPage />);
    await user.click(await screen.findByRole('button', { name: /older message/i }));
    const reader = screen.getByRole('article', { name: 'Selected e-mail' });
    expect(within(reader).getByText('Nothing to click here.')).toBeInTheDocument();
  });

  it('says when the mailbox is off (live e-mail answers 404)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(404, { status: 404, code: 'NOT_FOUND', title: 'Not found' })),
    );
    renderWithProviders(<MailboxPage />);
    expect(await screen.findByText('The sandbox mailbox is off')).toBeInTheDocument();
  });
});

describe('splitLinks', () => {
  it('keeps sentence punctuation out of the link', () => {
    expect(splitLinks('See https://a.in/x. Then (https://b.in/y)')).toEqual([
      { kind: 'text', value: 'See ' },
      { kind: 'link', href: 'https://a.in/x' },
      { kind: 'text', value: '. Then (' },
      { kind: 'link', href: 'https://b.in/y' },
      { kind: 'text', value: ')' },
    ]);
  });
});
