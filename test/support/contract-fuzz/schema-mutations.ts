import fc from 'fast-check';
import type { ArbitraryContext, JsonSchema } from './schema-arbitrary.js';

/** Strings that break naive code: control and NUL bytes, lone surrogates, odd Unicode, huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '   ', '\t\n', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\ud83d'),
  fc.string({ maxLength: 8 }).map((text) => `${text}\u0000${text}`),
  fc.string({ maxLength: 8 }).map((text) => `${text}\udfff`),
  fc.constantFrom(
    '😀👍🏽',
    'ＡＢＣ１２３',
    'مرحبا بالعالم',
    'e\u0301\u0301',
    '\u202eevil',
    '\ufeffbom',
    'İı ß ǅ',
    '\u2028\u2029',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  ),
  fc.constantFrom(
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '../../../etc/passwd',
    '%00%ff',
    '${jndi:x}',
    '=HYPERLINK("http://evil.example","x")',
    '__proto__',
  ),
  fc.integer({ min: 1_000, max: 60_000 }).map((length) => 'x'.repeat(length)),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Numbers at and beyond what any field takes. */
export const nastyNumber: fc.Arbitrary<number> = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  -0.5,
  1e-7,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
);

/** A value of any JSON type, including deep and wide ones. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [[[[[[]]]]]], { a: { b: { c: {} } } }),
  nastyNumber,
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.integer(), { minLength: 500, maxLength: 2_000 }),
);

function num(schema: JsonSchema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' ? value : undefined;
}

/** Just outside the schema's bounds: min − 1, max + 1, a fraction for integers, length ± 1. */
export function boundaryValues(schema: JsonSchema): unknown[] {
  const values: unknown[] = [];
  const minimum = num(schema, 'minimum');
  const maximum = num(schema, 'maximum');
  if (minimum !== undefined) values.push(minimum - 1, minimum - 0.5);
  if (maximum !== undefined) values.push(maximum + 1, maximum + 0.5);
  if (schema['type'] === 'integer') values.push(1.5);
  const maxLength = num(schema, 'maxLength');
  const minLength = num(schema, 'minLength');
  if (maxLength !== undefined) values.push('y'.repeat(maxLength + 1));
  if (minLength !== undefined && minLength > 0) values.push('y'.repeat(minLength - 1));
  return values;
}

type Path = Array<string | number>;

/** The schema of `key` inside `schema`, through anyOf branches and array items. */
function schemaAt(schema: JsonSchema, key: string | number, context: ArbitraryContext): JsonSchema {
  const resolved = context.resolve(schema);
  const branches = (resolved['anyOf'] ?? resolved['oneOf'] ?? [resolved]) as JsonSchema[];
  for (const branch of branches.map(context.resolve)) {
    if (typeof key === 'number' && branch['items']) return branch['items'] as JsonSchema;
    const properties = branch['properties'] as Record<string, JsonSchema> | undefined;
    if (typeof key === 'string' && properties?.[key]) return properties[key];
  }
  return {};
}

/** Every position in `value` (object keys and array indexes, at any depth) with its schema. */
function positions(
  value: unknown,
  schema: JsonSchema,
  context: ArbitraryContext,
  path: Path = [],
): Array<{ path: Path; schema: JsonSchema }> {
  if (value === null || typeof value !== 'object') return [];
  const keys: Array<string | number> = Array.isArray(value)
    ? value.map((_item, index) => index)
    : Object.keys(value);
  return keys.flatMap((key) => {
    const inner = schemaAt(schema, key, context);
    const child = (value as Record<string | number, unknown>)[key];
    return [
      { path: [...path, key], schema: inner },
      ...positions(child, inner, context, [...path, key]),
    ];
  });
}

function setAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (
    Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }
  ) as Record<string | number, unknown>;
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, replacement, remove);
  return copy;
}

/**
 * Invalid neighbours of a valid value: the whole value of a wrong type, a required property
 * dropped, an unknown (or prototype-polluting) property added, or one position replaced by a
 * wrong type, a value just out of bounds, a nasty string or a nasty number.
 */
export function mutationsOf(
  valid: unknown,
  schema: JsonSchema,
  context: ArbitraryContext,
): fc.Arbitrary<unknown> {
  const spots = positions(valid, schema, context);
  const options: Array<fc.Arbitrary<unknown>> = [anyJson];
  if (valid !== null && typeof valid === 'object' && !Array.isArray(valid)) {
    options.push(
      fc
        .constantFrom('unexpected', '__proto__', 'constructor', 'isPlatformAdmin', 'role')
        .chain((key) => anyJson.map((extra) => ({ ...valid, [key]: extra }))),
    );
  }
  if (spots.length > 0) {
    options.push(
      fc.constantFrom(...spots).chain(({ path, schema: spotSchema }) => {
        const boundary = boundaryValues(context.resolve(spotSchema));
        return fc
          .oneof(
            anyJson,
            nastyString,
            nastyNumber,
            ...(boundary.length > 0 ? [fc.constantFrom(...boundary)] : []),
          )
          .map((replacement) => setAt(valid, path, replacement));
      }),
      fc.constantFrom(...spots).map(({ path }) => setAt(valid, path, undefined, true)),
    );
  }
  return fc.oneof(...options);
}
