import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

describe('circuit breaker', () => {
  it('opens after consecutive failures, lets one trial through after the open time, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 1000, now: () => now });
    breaker.failed('a');
    breaker.failed('a');
    expect(breaker.allow('a')).toBe(true);
    breaker.failed('a');
    expect(breaker.state('a')).toBe('open');
    expect(breaker.allow('a')).toBe(false);
    expect(breaker.allow('b')).toBe(true);
    now = 1000;
    expect(breaker.state('a')).toBe('half_open');
    expect(breaker.allow('a')).toBe(true);
    expect(breaker.allow('a')).toBe(false);
    breaker.failed('a');
    expect(breaker.state('a')).toBe('open');
    now = 2000;
    expect(breaker.allow('a')).toBe(true);
    breaker.succeeded('a');
    expect(breaker.state('a')).toBe('closed');
    expect(breaker.allow('a')).toBe(true);
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2 });
    breaker.failed('a');
    breaker.succeeded('a');
    breaker.failed('a');
    expect(breaker.state('a')).toBe('closed');
  });
});
