import { z } from 'zod';
import { indianPhonePattern, indianPhoneRule, normaliseIndianPhone } from './indian-phone.js';

/**
 * An Indian phone number in a request body, as people type it, parsed to `+91XXXXXXXXXX`
 * (`normaliseIndianPhone`). Users, organization profiles and locations all use this schema, so
 * one number is accepted or refused alike everywhere. The OpenAPI document states the rule
 * exactly (the pattern) and in words (the description); the error message lists the forms.
 */
export const indianPhoneSchema = z
  .string()
  .regex(indianPhonePattern, indianPhoneRule)
  .meta({
    description:
      'Indian phone number: 10 digits (first not 0), optionally after 0, 91 or +91; spaces, hyphens and brackets between them are ignored (up to three in a row). Stored and returned as +91XXXXXXXXXX.',
    examples: ['9876543210', '+91 98765-43210', '(011) 2345 6789'],
  })
  // Never null after the pattern: the pattern is the rule.
  .transform((value) => normaliseIndianPhone(value) ?? value);
