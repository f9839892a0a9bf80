import escapeHtml from 'escape-html';
import type { EmailMessage } from './email.port.js';

/** What an e-mail says, in parts, so its text and HTML bodies say the same thing. */
export interface EmailContent {
  to: string;
  subject: string;
  /** "Hello," / "Hello Anita,". */
  greeting: string;
  /** Paragraphs of plain text, before the facts. */
  paragraphs: readonly string[];
  /** Label and value lines ("Invited by", "Anita Rao"), shown as a small table. */
  facts?: ReadonlyArray<{ label: string; value: string }>;
  /** The one thing to do: a button in HTML, the bare link on its own line in text. */
  action: { label: string; url: string };
  /** After the action: expiry, what to do if unexpected. */
  footer: readonly string[];
}

const font = 'font-family:Arial,Helvetica,sans-serif;color:#1f2933;font-size:15px;line-height:1.5';

/**
 * The text and HTML bodies of an e-mail from its parts. Every piece of text — names chosen by
 * users (organization and people names are theirs to type) included — is HTML-escaped once,
 * here, so no caller builds markup. Plain inline styles and one table: what mail clients render.
 */
export function composeEmail(content: EmailContent): EmailMessage {
  const facts = content.facts ?? [];
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(facts.length > 0 ? [...facts.map((fact) => `${fact.label}: ${fact.value}`), ''] : []),
    `${content.action.label}:`,
    content.action.url,
    '',
    ...content.footer,
  ].join('\n');
  const paragraph = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="en-IN"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f5f7fa"><div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px;${font}">`,
    paragraph(content.greeting),
    ...content.paragraphs.map(paragraph),
    facts.length > 0
      ? `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${facts
          .map(
            (fact) =>
              `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;color:#52606d;font-weight:normal;vertical-align:top">${escapeHtml(fact.label)}</th><td style="padding:4px 0">${escapeHtml(fact.value)}</td></tr>`,
          )
          .join('')}</table>`
      : '',
    `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1864ab;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:13px;color:#52606d">If the button does not work, copy this link into your browser:<br>${escapeHtml(content.action.url)}</p>`,
    ...content.footer.map(
      (line) => `<p style="margin:0 0 8px;font-size:13px;color:#52606d">${escapeHtml(line)}</p>`,
    ),
    '</div></body></html>',
  ].join('\n');
  return { to: content.to, subject: content.subject, text, html };
}

/** "+919876543210" → "+91 98765 43210"; anything else as stored. */
export function formatPhoneForEmail(phone: string): string {
  const match = /^\+91(\d{5})(\d{5})$/.exec(phone);
  return match ? `+91 ${match[1]} ${match[2]}` : phone;
}

const istDateTime = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** An instant as people in India read it: "3 December 2026 at 4:05 pm IST". */
export function formatInstantForEmail(instant: Date): string {
  return `${istDateTime.format(instant)} IST`;
}
