import { describe, expect, it } from 'vitest';
import {
  maskEmail,
  maskEmailsIn,
  maskPersonal,
  maskPhone,
  redactDeep,
  redactUrl,
  removeSecrets,
} from './redaction.js';

describe('maskEmail', () => {
  it.each([
    ['priya.sharma@example.com', 'p***@example.com'],
    ['a@b.in', 'a***@b.in'],
    ['Ravi+orders@spareflow.in', 'R***@spareflow.in'],
  ])('masks %s as %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('does not reveal the length of the local part', () => {
    expect(maskEmail('x@example.com')).toBe(maskEmail('xylophone@example.com'));
  });

  it.each(['', 'not-an-email', '@example.com'])(
    'hides %j entirely when it has no local part',
    (value) => {
      expect(maskEmail(value)).toBe('***');
    },
  );
});

describe('maskPhone', () => {
  it.each([
    ['+919876543210', '+91******3210'],
    ['+91 98765 43210', '+91******3210'],
    ['+91-98765-43210', '+91******3210'],
    ['9876543210', '******3210'],
    ['09876543210', '*******3210'],
  ])('masks %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps at least two digits hidden in short numbers', () => {
    const masked = maskPhone('+9112345');
    expect(masked).toBe('+91**2345');
    expect(masked).not.toContain('12345');
  });

  it.each(['', '12345', 'call me', '+91'])('hides %j entirely when too short', (value) => {
    expect(maskPhone(value)).toBe('***');
  });
});

describe('maskPersonal', () => {
  it('masks e-mail addresses and phone numbers by shape', () => {
    expect(maskPersonal('priya@example.com')).toBe('p***@example.com');
    expect(maskPersonal('+919876543210')).toBe('+91******3210');
  });

  it.each([9876543210, null, undefined, { email: 'priya@example.com' }, ['+919876543210']])(
    'removes the non-string %j entirely',
    (value) => {
      expect(maskPersonal(value)).toBe('[REDACTED]');
    },
  );
});

describe('redactUrl', () => {
  it('leaves URLs without a query, and non-strings, unchanged', () => {
    expect(redactUrl('/api/v1/orders/ord_1')).toBe('/api/v1/orders/ord_1');
    expect(redactUrl(undefined)).toBeUndefined();
    expect(redactUrl(42)).toBe(42);
  });

  it('redacts secret-looking parameters and keeps the rest byte for byte', () => {
    expect(redactUrl('/reset?token=abc123&page=2&q=brake%20pad')).toBe(
      '/reset?token=[REDACTED]&page=2&q=brake%20pad',
    );
    expect(redactUrl('/hook?hub.mode=subscribe&hub.verify_token=v&hub.challenge=9')).toBe(
      '/hook?hub.mode=subscribe&hub.verify_token=[REDACTED]&hub.challenge=9',
    );
  });

  it.each([
    'Access_Token',
    'api_key',
    'api%5Fkey',
    'apiKey',
    'key',
    'code',
    'otp',
    'signature',
    'client_secret',
    'password',
  ])('redacts the parameter %s', (name) => {
    expect(redactUrl(`/x?${name}=s3cr3t&limit=5`)).toBe(`/x?${name}=[REDACTED]&limit=5`);
  });

  it('keeps ordinary parameters that merely contain a short secret word', () => {
    expect(redactUrl('/pincodes?pincode=411001&keyword=brake')).toBe(
      '/pincodes?pincode=411001&keyword=brake',
    );
  });

  it('masks personal parameters after decoding them', () => {
    expect(redactUrl('/users?email=priya%40example.com&phone=%2B919876543210')).toBe(
      '/users?email=p***@example.com&phone=+91******3210',
    );
  });

  it('copes with flags and undecodable values', () => {
    expect(redactUrl('/x?verbose&token=%E0%A4%A')).toBe('/x?verbose&token=[REDACTED]');
    expect(redactUrl('/x?email=%E0%A4%A')).toBe('/x?email=***');
  });
});

describe('redactDeep', () => {
  it('redacts secrets whatever their case and depth, and masks personal data', () => {
    const input = {
      headers: { Authorization: 'Bearer abc', 'X-Access-Token': 'dtdc', 'api-key': 'k' },
      a: { b: { c: { d: { e: { refreshToken: 'r', Email: 'priya@example.com' } } } } },
      list: [{ password: 'p' }],
      kept: { pincode: '411001', note: 'fine' },
    };
    expect(redactDeep(input)).toEqual({
      headers: {
        Authorization: '[REDACTED]',
        'X-Access-Token': '[REDACTED]',
        'api-key': '[REDACTED]',
      },
      a: { b: { c: { d: { e: { refreshToken: '[REDACTED]', Email: 'p***@example.com' } } } } },
      list: [{ password: '[REDACTED]' }],
      kept: { pincode: '411001', note: 'fine' },
    });
  });

  it('serializes errors at any key by the one error rule and does not mutate the input', () => {
    const error = Object.assign(new Error('boom'), { params: ['priya@example.com'] });
    const input = { failure: { err: error }, token: 't' };
    const output = redactDeep(input) as { failure: { err: Record<string, unknown> } };
    expect(output.failure.err).toMatchObject({ type: 'Error', message: 'boom' });
    expect(output.failure.err).not.toHaveProperty('params');
    expect(input.failure.err).toBe(error);
    expect(input.token).toBe('t');
  });
});

describe('maskEmailsIn', () => {
  it('masks every address inside logged text and leaves other text alone', () => {
    expect(maskEmailsIn('A user with e-mail Priya.Sharma@Example.in already exists.')).toBe(
      'A user with e-mail P***@Example.in already exists.',
    );
    expect(maskEmailsIn('from a@b.in to c.d@e.co.in')).toBe('from a***@b.in to c***@e.co.in');
    expect(maskEmailsIn('no address, /node_modules/@fastify/static/index.js')).toBe(
      'no address, /node_modules/@fastify/static/index.js',
    );
  });

  it('applies to strings at any depth of a logged object, not to the audit log', () => {
    const input = { err: { detail: 'Key (email)=(ravi@example.in) exists' }, list: ['x@y.in'] };
    expect(redactDeep(input)).toEqual({
      err: { detail: 'Key (email)=(r***@example.in) exists' },
      list: ['x***@y.in'],
    });
    expect(removeSecrets(input)).toEqual(input);
  });
});

describe('redactDeep of vendor webhook headers', () => {
  it("redacts Razorpay's and Meta's webhook signatures, keeps the event id", () => {
    expect(
      redactDeep({
        headers: {
          'x-razorpay-signature': 'f'.repeat(64),
          'X-Hub-Signature-256': 'sha256=abc',
          'x-razorpay-event-id': 'evt_1',
        },
      }),
    ).toEqual({
      headers: {
        'x-razorpay-signature': '[REDACTED]',
        'X-Hub-Signature-256': '[REDACTED]',
        'x-razorpay-event-id': 'evt_1',
      },
    });
  });
});
