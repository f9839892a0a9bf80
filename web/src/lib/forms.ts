import { notifications } from '@mantine/notifications';
import { isApiProblem } from '../api/problem';

interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Shows a failed submission where it belongs: field errors from the server's problem+json on
 * the matching inputs, anything else as a notification. Returns the general message.
 */
export function showSubmitError(form: FormWithErrors | null, error: unknown): string {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  if (isApiProblem(error)) {
    const fields = error.fieldErrorMap();
    if (form && Object.keys(fields).length > 0) {
      form.setErrors(fields);
      return message;
    }
  }
  notifications.show({ color: 'red', title: 'Not saved', message });
  return message;
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}
