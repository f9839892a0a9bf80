import { describe, expect, it } from 'vitest';
import { webAppContentSecurityPolicy } from './web-app.js';
import { webAppPolicyFor } from './security-headers.js';

const mode = (razorpay: 'live' | 'sandbox') =>
  ({ integrations: { razorpay } }) as unknown as Parameters<typeof webAppPolicyFor>[0];

describe('webAppPolicyFor', () => {
  it('leaves the policy self-only while Razorpay runs in sandbox mode', () => {
    const policy = webAppPolicyFor(mode('sandbox'), webAppContentSecurityPolicy);
    expect(policy).toBe(webAppContentSecurityPolicy);
    expect(policy).not.toContain('razorpay');
  });

  it("admits Razorpay Checkout's script and frame, and nothing else, when live", () => {
    const policy = webAppPolicyFor(mode('live'), webAppContentSecurityPolicy);
    const directives = Object.fromEntries(
      policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'", 'https://checkout.razorpay.com']);
    expect(directives['frame-src']).toEqual([
      "'self'",
      'https://api.razorpay.com',
      'https://checkout.razorpay.com',
    ]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});
