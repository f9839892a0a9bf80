import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { systemInfo } from './system-info.service.js';

describe('systemInfo', () => {
  it('lists every integration from the config and flags sandbox mode', () => {
    const info = systemInfo(loadConfig({ NODE_ENV: 'test' }), { sandboxMailbox: true });
    expect(info).toMatchObject({
      name: 'SpareFlow',
      environment: 'test',
      sandbox: true,
      sandboxMailbox: true,
    });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.integrations).toEqual({
      dtdc: 'sandbox',
      email: 'sandbox',
      openai: 'sandbox',
      razorpay: 'sandbox',
      whatsapp: 'sandbox',
    });
  });

  it('is not sandbox when every integration is live', () => {
    const config = loadConfig({
      NODE_ENV: 'development',
      EMAIL_HOST: 'smtp.example.in',
      EMAIL_FROM: 'noreply@example.in',
    });
    const live = {
      ...config,
      integrations: Object.fromEntries(
        Object.keys(config.integrations).map((name) => [name, 'live']),
      ),
    } as typeof config;
    const info = systemInfo(live, { sandboxMailbox: false });
    expect(info.sandbox).toBe(false);
    expect(info.environment).toBe('development');
    expect(info.integrations.email).toBe('live');
  });
});
