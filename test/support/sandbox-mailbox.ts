import type { TestApp } from './test-app.js';

export interface MailboxItem {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
  links: string[];
}

/** What `GET /api/v1/sandbox/mailbox?to=` shows for an address right now (newest first). */
export async function mailbox(app: TestApp, to: string): Promise<MailboxItem[]> {
  const response = await fetch(
    `${app.url}/api/v1/sandbox/mailbox?to=${encodeURIComponent(to.toLowerCase())}`,
  );
  if (response.status !== 200) throw new Error(`mailbox answered ${response.status}`);
  const body = (await response.json()) as { items: MailboxItem[]; sandbox: boolean };
  if (body.sandbox !== true) throw new Error('mailbox is not marked sandbox');
  return body.items;
}

/**
 * Polls the sandbox mailbox until `count` e-mails matching `subject` reached `to` (the in-process
 * worker sends them), or fails at the deadline. Returns the newest one's `token=` value.
 */
export async function waitForEmail(
  app: TestApp,
  to: string,
  subject: RegExp,
  options: { count?: number; deadlineMs?: number } = {},
): Promise<{ item: MailboxItem; token: string }> {
  const deadline = Date.now() + (options.deadlineMs ?? 20_000);
  for (;;) {
    const items = (await mailbox(app, to)).filter((item) => subject.test(item.subject));
    const [item] = items;
    if (item && items.length >= (options.count ?? 1)) {
      const link = item.links.find((candidate) => candidate.includes('token='));
      const token = link ? new URL(link).searchParams.get('token') : null;
      if (!token) throw new Error(`no token link in ${JSON.stringify(item.links)}`);
      return { item, token };
    }
    if (Date.now() > deadline) throw new Error(`no e-mail "${String(subject)}" for ${to} in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
