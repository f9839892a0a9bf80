import bcrypt from 'bcrypt';

/** bcrypt cost 12: the platform's promise to its users (architecture.md § passwords). */
export const bcryptCost = 12;

export const passwordPolicy = { minLength: 10, maxLength: 72 } as const;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, bcryptCost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
