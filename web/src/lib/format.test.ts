import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatPaiseWhole,
  formatDateIst,
  formatDateTimeIst,
  formatPaise,
  formatPhone,
  humanise,
  isValidPincode,
  normalisePhone,
} from './format';

describe('Indian formats', () => {
  it('formats paise as rupees with lakh grouping', () => {
    expect(formatPaise(12_345_678)).toBe('₹1,23,456.78');
    expect(formatPaise(0)).toBe('₹0.00');
    expect(formatCount(10_000_000)).toBe('1,00,00,000');
  });

  it('shows instants in IST regardless of the browser zone', () => {
    // 18:45 UTC is 00:15 the next day in India (UTC+5:30).
    expect(formatDateIst('2026-11-25T18:45:00Z')).toBe('26 Nov 2026');
    expect(formatDateTimeIst('2026-11-25T18:45:00Z')).toMatch(/^26 Nov 2026, 12:15 am IST$/i);
    expect(formatDateTimeIst(null)).toBe('—');
  });

  it('formats and normalises +91 phone numbers', () => {
    expect(formatPhone('+919876543210')).toBe('+91 98765 43210');
    expect(normalisePhone('98765 43210')).toBe('+919876543210');
    expect(normalisePhone('+91-98765-43210')).toBe('+919876543210');
    expect(normalisePhone('09876543210')).toBe('+919876543210');
    expect(normalisePhone('12345')).toBeNull();
  });

  it('accepts only 6-digit PIN codes not starting with 0', () => {
    expect(isValidPincode('411001')).toBe(true);
    expect(isValidPincode('011001')).toBe(false);
    expect(isValidPincode('41100')).toBe(false);
  });

  it('humanises API enums in Indian English', () => {
    expect(humanise('service_center')).toBe('Service centre');
  });
});

describe('formatPaiseWhole', () => {
  it('rounds to the rupee with Indian grouping', () => {
    expect(formatPaiseWhole(579525789)).toBe('₹57,95,258');
    expect(formatPaiseWhole(49)).toBe('₹0');
    expect(formatPaiseWhole(50)).toBe('₹1');
  });
});
