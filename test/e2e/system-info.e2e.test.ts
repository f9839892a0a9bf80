import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

describe('GET /api/v1/system/info', () => {
  it('tells anyone the version, the environment and which integrations are sandboxed', async () => {
    const response = await fetch(`${testApp().url}/api/v1/system/info`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      name: 'SpareFlow',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      environment: 'test',
      integrations: {
        dtdc: 'sandbox',
        email: 'sandbox',
        openai: 'sandbox',
        razorpay: 'sandbox',
        whatsapp: 'sandbox',
      },
      sandbox: true,
      sandboxMailbox: true,
    });
  });
});
