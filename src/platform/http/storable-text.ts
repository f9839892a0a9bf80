import type { FastifySchemaCompiler } from 'fastify';
import { AppError, type FieldError } from '../errors/app-error.js';

/**
 * U+0000, or a UTF-16 surrogate without its partner. PostgreSQL stores neither: `text` refuses
 * NUL outright and `jsonb` refuses both escapes, so such a string reached SQL and came back as a
 * 500 (17 fields did, login and password reset unauthenticated among them).
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const nul = '\u0000';

/** Whether PostgreSQL can store `value` as text (no NUL, no unpaired surrogate). */
export function isStorableText(value: string): boolean {
  loneSurrogate.lastIndex = 0;
  return !value.includes(nul) && !loneSurrogate.test(value);
}

/** A key as it may be shown in a path: what cannot be stored is shown as U+FFFD. */
function printableKey(key: string): string {
  return key.replaceAll(nul, '\uFFFD').replace(loneSurrogate, '\uFFFD');
}

const maxFieldErrors = 20;

/**
 * Every string (and object key) in `data` that PostgreSQL cannot store, with its path under
 * `part` (`body.name`, `querystring.q`, `body.lines.0.note`). Walks objects and arrays
 * iteratively, so a deeply nested body cannot exhaust the stack; binary values (the Buffer of an
 * upload) are left to their parsers.
 */
export function unstorableFields(data: unknown, part: string): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: data, path: part }];
  while (pending.length > 0 && errors.length < maxFieldErrors) {
    const { value, path } = pending.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      if (!isStorableText(value))
        errors.push({ path, message: 'must not contain NUL characters or unpaired surrogates' });
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, index) =>
        pending.push({ value: item, path: `${path}.${index}` }),
      );
    } else if (value !== null && typeof value === 'object') {
      // Raw bodies (an upload's Buffer) belong to their parsers. (Querystring objects come from a
      // null-prototype constructor, so the shape, not the prototype, decides.)
      if (ArrayBuffer.isView(value)) continue;
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}.${printableKey(key)}`;
        if (!isStorableText(key))
          errors.push({ path: childPath, message: 'names a field with unstorable characters' });
        else pending.push({ value: child, path: childPath });
      }
    }
  }
  return errors.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Wraps the schema validator compiler so every validated request part — body, querystring,
 * params, headers — is first checked for text PostgreSQL cannot store, whatever its schema says:
 * 400 `VALIDATION_FAILED` naming each field (`body.name`). One rule for every route, present and
 * future, instead of a refinement on each string field.
 */
export function storableTextValidatorCompiler<Schema>(
  inner: FastifySchemaCompiler<Schema>,
): FastifySchemaCompiler<Schema> {
  return (routeSchema) => {
    const validate = inner(routeSchema);
    const part = routeSchema.httpPart ?? 'body';
    return (data: unknown) => {
      const errors = unstorableFields(data, part);
      if (errors.length === 0) return validate(data);
      return {
        error: new AppError('VALIDATION_FAILED', {
          detail: `The request ${part} contains text that cannot be stored (NUL characters or unpaired surrogates).`,
          errors,
        }),
      };
    };
  };
}
