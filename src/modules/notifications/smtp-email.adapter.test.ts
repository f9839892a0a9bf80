import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logging/logger.js';
import { SmtpEmailAdapter } from './smtp-email.adapter.js';
import { SmtpSink } from './smtp-sink.js';

// Real SMTP over loopback: nodemailer (the live client) talking to the sandbox sink.
let sink: SmtpSink;
let adapter: SmtpEmailAdapter;

beforeAll(async () => {
  sink = await SmtpSink.start(createLogger({ level: 'silent' }), 3);
  adapter = new SmtpEmailAdapter({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTls: true,
    from: 'SpareFlow <no-reply@spareflow.test>',
  });
});

afterAll(async () => {
  await adapter.close();
  await sink.stop();
});

describe('SmtpEmailAdapter against the sandbox SMTP sink', () => {
  it('delivers subject, recipient, text and links over SMTP', async () => {
    const text =
      'Hello Asha,\n\nOpen https://app.spareflow.test/reset-password?token=sft_abc-_1 now.';
    const { messageId } = await adapter.send({
      to: 'Asha@Example.in',
      subject: 'Reset your SpareFlow password — ₹0 due',
      text,
    });
    expect(messageId).toMatch(/^<.+@.+>$/);
    const [captured] = sink.list('asha@example.in');
    expect(captured).toMatchObject({
      to: ['asha@example.in'],
      subject: 'Reset your SpareFlow password — ₹0 due',
      links: ['https://app.spareflow.test/reset-password?token=sft_abc-_1'],
    });
    expect(captured?.text.trim()).toBe(text);
    expect(captured?.receivedAt).toBeInstanceOf(Date);
  });

  it('filters by recipient, lists newest first and keeps only the last `capacity` messages', async () => {
    for (const n of [1, 2, 3, 4]) {
      await adapter.send({ to: 'ravi@example.in', subject: `Order #${n}`, text: `Order ${n}` });
    }
    expect(sink.list('nobody@example.in')).toEqual([]);
    expect(sink.list().map((message) => message.subject)).toEqual([
      'Order #4',
      'Order #3',
      'Order #2',
    ]);
  });

  it('verify() succeeds against a listening relay and fails against a closed port', async () => {
    await expect(adapter.verify(5000)).resolves.toBeUndefined();
    const closed = await SmtpSink.start(createLogger({ level: 'silent' }));
    const port = closed.port;
    await closed.stop();
    const nowhere = new SmtpEmailAdapter({
      host: '127.0.0.1',
      port,
      secure: false,
      from: 'x@y.in',
    });
    await expect(nowhere.verify(5000)).rejects.toThrow();
    await nowhere.close();
  });
});
