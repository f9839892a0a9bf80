import { notifications } from '@mantine/notifications';
import { isApiProblem } from '../api/problem';

/**
 * RESEND_LIMIT_REACHED in words, from its `retryAfterSeconds` extension (never from the prose):
 * when the invitation can be resent again. Returns whether it handled the error.
 */
export function notifyResendRefused(error: unknown): boolean {
  if (!isApiProblem(error) || error.code !== 'RESEND_LIMIT_REACHED') return false;
  const seconds = error.extensions['retryAfterSeconds'];
  const minutes = typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : null;
  notifications.show({
    color: 'orange',
    title: 'Not resent',
    message:
      minutes === null
        ? 'This invitation was resent 3 times in the last hour. Try again later.'
        : `This invitation was resent 3 times in the last hour. You can resend it again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}; the last link sent still works.`,
  });
  return true;
}
