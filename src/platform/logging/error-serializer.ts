/**
 * How an error is written to a log line, wherever it is logged (request, job, CLI): the one rule
 * for what of an error may leave the process.
 *
 * A failed SQL statement is the dangerous case. Drizzle's `DrizzleQueryError` carries the
 * statement's `params` and repeats them in its message ("Failed query: … params: a@b.c,$2b$12…"),
 * and PostgreSQL's error carries values in `detail` ("Key (email)=(a@b.c) already exists."),
 * `where` ("unnamed portal parameter $1 = '…'") and its message ('invalid input syntax for type
 * uuid: "…"'). A registration that failed once logged the e-mail, name, phone and bcrypt hash.
 * So: the query text stays (it is ours, parameterised), parameters never; values are cut from
 * `detail`, `where` and data-error messages; SQLSTATE, constraint, table and column stay, since
 * they are what one debugs with. Causes are walked and serialized by the same rule.
 */
export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: unknown;
  [field: string]: unknown;
}

const redacted = '[REDACTED]';
const maxCauseDepth = 8;

/** Fields that hold statement values, connections or whole clients: never written. */
const droppedFields = new Set(['params', 'parameters', 'values', 'client', 'connection', 'raw']);

/** Drizzle's message is `Failed query: <sql>\nparams: <values>`: keep the SQL. */
function withoutParams(message: string): string {
  const index = message.indexOf('\nparams: ');
  return index < 0 ? message : `${message.slice(0, index)}\nparams: ${redacted}`;
}

/** What follows the values of a `Key (…)=(…)` detail, rebuilt without them. */
const keyDetailEndings: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string]> = [
  [/ already exists\.$/, () => ' already exists.'],
  [/ is not present in table ("[^"]*")\.$/, (match) => ` is not present in table ${match[1]}.`],
  [
    / is still referenced from table ("[^"]*")\.$/,
    (m) => ` is still referenced from table ${m[1]}.`,
  ],
  [/ conflicts with existing key /, () => ' conflicts with an existing key.'],
];

/** `Key (email)=(a@b.c) already exists.` → `Key (email)=([REDACTED]) already exists.` */
export function redactPgDetail(detail: string): string {
  if (detail.startsWith('Failing row contains')) return `Failing row contains (${redacted}).`;
  const marker = detail.indexOf(')=(');
  if (detail.startsWith('Key (') && marker > 0) {
    // The column list is the schema's (an expression index shows `lower(email)`), never data.
    const columns = detail.slice(4, marker + 1);
    for (const [pattern, ending] of keyDetailEndings) {
      const match = pattern.exec(detail);
      if (match) return `Key ${columns}=(${redacted})${ending(match)}`;
    }
    return `Key ${columns}=(${redacted}).`;
  }
  // Other details (deadlocks, serialization failures) name processes and transactions, not data;
  // a quoted value is cut all the same.
  return detail.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, `"${redacted}"`);
}

/** `unnamed portal parameter $1 = '…'` → `… $1 = [REDACTED]`; other context lines are kept. */
function redactPgWhere(where: string): string {
  return where.replace(/(parameter \$\d+ = ).*/g, `$1${redacted}`);
}

/** PostgreSQL's data errors end in the offending input: `…for type uuid: "priya@…"`. */
function redactPgMessage(message: string): string {
  return message.replace(/: ".*"$/s, `: "${redacted}"`);
}

/** An error of the PostgreSQL server (pg's DatabaseError): SQLSTATE and severity present. */
function isPgServerError(error: Error): boolean {
  const candidate = error as Error & { code?: unknown; severity?: unknown };
  return (
    typeof candidate.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(candidate.code) &&
    typeof candidate.severity === 'string'
  );
}

function safeMessage(error: Error): string {
  const message = withoutParams(String(error.message));
  return isPgServerError(error) ? redactPgMessage(message) : message;
}

/**
 * The stack starts with `<name>: <message>` (a message may span lines, as Drizzle's does): that
 * head is rewritten from the safe message, the frames are kept.
 */
function safeStack(error: Error, message: string): string | undefined {
  if (typeof error.stack !== 'string') return undefined;
  const framesAt = error.stack.indexOf('\n    at ');
  const head = framesAt < 0 ? error.stack : error.stack.slice(0, framesAt);
  const frames = framesAt < 0 ? '' : error.stack.slice(framesAt);
  const original = String(error.message);
  const safeHead =
    original !== '' && head.includes(original)
      ? head.replace(original, message)
      : withoutParams(isPgServerError(error) ? redactPgMessage(head) : head);
  return `${safeHead}${frames}`;
}

/**
 * Serializes `value` when it is an error (any depth of `cause`, and `errors` of an
 * AggregateError); other values are returned as they are. `redactValue` cleans every other field
 * (the logger passes its secret/personal-data redaction). Idempotent: an already serialized error
 * is a plain object and passes through.
 */
export function serializeError(
  value: unknown,
  redactValue: (field: unknown) => unknown = (field) => field,
  depth = 0,
  seen: Set<Error> = new Set(),
): unknown {
  if (!(value instanceof Error)) return value;
  if (seen.has(value) || depth > maxCauseDepth) return { type: value.name, message: '[cycle]' };
  seen.add(value);
  const message = safeMessage(value);
  const serialized: SerializedError = {
    type: value.constructor?.name || value.name || 'Error',
    message: String(redactValue(message)),
  };
  const stack = safeStack(value, message);
  if (stack !== undefined) serialized.stack = String(redactValue(stack));
  const pg = isPgServerError(value);
  for (const key of Object.keys(value)) {
    if (droppedFields.has(key) || key === 'cause' || key === 'message' || key === 'stack') continue;
    const field: unknown = (value as unknown as Record<string, unknown>)[key];
    if (field === undefined) continue;
    if (pg && key === 'detail' && typeof field === 'string')
      serialized.detail = redactPgDetail(field);
    else if (pg && key === 'where' && typeof field === 'string')
      serialized.where = redactPgWhere(field);
    else if (key === 'errors' && Array.isArray(field))
      serialized.errors = field.map((item: unknown) =>
        item instanceof Error
          ? serializeError(item, redactValue, depth + 1, seen)
          : redactValue(item),
      );
    else if (field instanceof Error)
      serialized[key] = serializeError(field, redactValue, depth + 1, seen);
    else serialized[key] = redactValue(field);
  }
  if (value.cause !== undefined)
    serialized.cause =
      value.cause instanceof Error
        ? serializeError(value.cause, redactValue, depth + 1, seen)
        : redactValue(value.cause);
  return serialized;
}
