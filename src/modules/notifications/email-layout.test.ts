import { describe, expect, it } from 'vitest';
import { composeEmail, formatInstantForEmail, formatPhoneForEmail } from './email-layout.js';

const content = {
  to: 'asha@example.in',
  subject: 'Tata & <Sons> invite you',
  greeting: 'Hello,',
  paragraphs: ['<script>alert(1)</script> & friends'],
  facts: [{ label: 'Invited by', value: 'A "quoted" <name>' }],
  action: { label: 'Accept', url: 'https://spareflow.example/accept?token=a&b="c"' },
  footer: ['Expires soon.'],
};

describe('composeEmail', () => {
  it('writes the same parts as text and as HTML, every value escaped in the HTML', () => {
    const message = composeEmail(content);
    expect(message.to).toBe('asha@example.in');
    expect(message.text).toBe(
      [
        'Hello,',
        '',
        '<script>alert(1)</script> & friends',
        '',
        'Invited by: A "quoted" <name>',
        '',
        'Accept:',
        'https://spareflow.example/accept?token=a&b="c"',
        '',
        'Expires soon.',
      ].join('\n'),
    );
    const html = message.html ?? '';
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<name>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends');
    expect(html).toContain('<title>Tata &amp; &lt;Sons&gt; invite you</title>');
    expect(html).toContain('href="https://spareflow.example/accept?token=a&amp;b=&quot;c&quot;"');
  });

  it('formats Indian phones and instants as people read them', () => {
    expect(formatPhoneForEmail('+919876543210')).toBe('+91 98765 43210');
    expect(formatPhoneForEmail('022 2345 6789')).toBe('022 2345 6789');
    expect(formatInstantForEmail(new Date('2026-12-03T10:35:00Z'))).toBe(
      '3 December 2026 at 4:05 pm IST',
    );
  });
});
