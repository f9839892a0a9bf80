import { describe, expect, it } from 'vitest';
import { linkBase } from './public-links.js';

describe('linkBase', () => {
  it('prefers APP_URL, then the request origin, then localhost:PORT, without a trailing slash', () => {
    expect(linkBase('https://app.example/', 'http://evil.example', 'http://localhost:3000')).toBe(
      'https://app.example',
    );
    expect(linkBase(undefined, 'http://127.0.0.1:4000', 'http://localhost:3000')).toBe(
      'http://127.0.0.1:4000',
    );
    expect(linkBase(undefined, undefined, 'http://localhost:3000')).toBe('http://localhost:3000');
  });
});
