import type { Db } from '../../platform/db/database.js';
import { authRepository } from './auth.repository.js';

/**
 * The e-mail address of a user as stored, or `undefined` for an unknown id: for other modules
 * that bind an action to an address, such as accepting a partner invitation (compare it without
 * regard to case). `db` may be a transaction's.
 */
export async function emailOfUser(db: Db, userId: string): Promise<string | undefined> {
  return (await authRepository.findUserById(db, userId))?.email;
}
