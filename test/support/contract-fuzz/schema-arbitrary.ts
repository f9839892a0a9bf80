import fc from 'fast-check';

/** A JSON Schema (2020-12, as the OpenAPI 3.1 document writes them) read loosely. */
export type JsonSchema = Record<string, unknown>;

/**
 * Values the world holds for a property name (`partId` → the seeded parts' ids, `email` → the
 * seeded users' addresses): valid inputs that reach the handlers instead of stopping at a 404.
 */
export type ValuePools = (name: string) => readonly string[] | undefined;

export interface ArbitraryContext {
  /** Resolves `#/components/schemas/X`. */
  resolve: (schema: JsonSchema) => JsonSchema;
  pools: ValuePools;
}

const maxSafe = Number.MAX_SAFE_INTEGER;

function num(schema: JsonSchema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' ? value : undefined;
}

function typesOf(schema: JsonSchema): string[] {
  const type = schema['type'];
  if (Array.isArray(type)) return type as string[];
  if (typeof type === 'string') return [type];
  if (schema['properties']) return ['object'];
  return [];
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const exclusiveMin = num(schema, 'exclusiveMinimum');
  const exclusiveMax = num(schema, 'exclusiveMaximum');
  const min = Math.max(
    -maxSafe,
    num(schema, 'minimum') ?? (exclusiveMin !== undefined ? Math.floor(exclusiveMin) + 1 : -1e6),
  );
  const max = Math.min(
    maxSafe,
    num(schema, 'maximum') ?? (exclusiveMax !== undefined ? Math.ceil(exclusiveMax) - 1 : 1e6),
  );
  // Bounds are where off-by-one mistakes live: pick them often.
  return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = num(schema, 'minimum') ?? num(schema, 'exclusiveMinimum') ?? -1e9;
  const max = num(schema, 'maximum') ?? num(schema, 'exclusiveMaximum') ?? 1e9;
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .filter(
      (value) =>
        (schema['exclusiveMinimum'] === undefined || value > min) &&
        (schema['exclusiveMaximum'] === undefined || value < max),
    );
}

function withLength(schema: JsonSchema, arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const min = num(schema, 'minLength') ?? 0;
  const max = num(schema, 'maxLength') ?? Infinity;
  return arbitrary.filter((value) => [...value].length >= min && [...value].length <= max);
}

/** Characters a schema without a pattern allows and naive code does not expect. */
const hostileCharacters = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\ufeff',
  '😀',
  'e\u0301',
  '\u2028',
];

/** `text` with one hostile character inserted somewhere. */
function withHostileCharacter(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.constantFrom(...hostileCharacters), fc.nat())
    .map(([value, character, at]) => {
      const index = value.length === 0 ? 0 : at % (value.length + 1);
      return value.slice(0, index) + character + value.slice(index);
    });
}

function stringArbitrary(
  schema: JsonSchema,
  context: ArbitraryContext,
  name: string | undefined,
): fc.Arbitrary<string> {
  const pool = name ? context.pools(name) : undefined;
  const fromPool = pool && pool.length > 0 ? fc.constantFrom(...pool) : undefined;
  let base: fc.Arbitrary<string>;
  const format = schema['format'];
  const pattern = schema['pattern'];
  if (format === 'uuid') base = fc.uuid();
  else if (format === 'date-time') {
    base = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString());
  } else if (format === 'email') {
    base = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,15}[a-z0-9]$/), fc.constantFrom('in', 'com'))
      .map(([local, tld]) => `${local.replace(/\.\.+/g, '.')}@fuzz.example.${tld}`);
  } else if (typeof pattern === 'string') {
    base = withLength(schema, fc.stringMatching(new RegExp(pattern)));
  } else {
    const min = num(schema, 'minLength') ?? 0;
    const max = Math.min(num(schema, 'maxLength') ?? 40, Math.max(min, 40));
    const ascii = fc.string({ minLength: min, maxLength: max });
    base = fc.oneof(
      { weight: 3, arbitrary: ascii },
      { weight: 1, arbitrary: withLength(schema, fc.string({ unit: 'grapheme', maxLength: max })) },
      // Still valid for the schema (it says nothing about characters), and where bugs live.
      { weight: 2, arbitrary: withLength(schema, withHostileCharacter(ascii)) },
    );
  }
  return fromPool
    ? fc.oneof({ weight: 3, arbitrary: fromPool }, { weight: 1, arbitrary: base })
    : base;
}

function objectArbitrary(schema: JsonSchema, context: ArbitraryContext): fc.Arbitrary<unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = (schema['required'] ?? []) as string[];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) {
    model[key] = arbitraryOf(property, context, key);
  }
  return fc.record(model, { requiredKeys: required.filter((key) => key in model) });
}

/**
 * Values valid against `schema`, leaning on the pools for named properties (valid ids reach the
 * handlers) and on bounds for numbers. Covers what zod writes: type (or a list), const, enum,
 * anyOf/oneOf, formats uuid/date-time/email, pattern, lengths, ranges, objects and arrays.
 */
export function arbitraryOf(
  rawSchema: JsonSchema,
  context: ArbitraryContext,
  name?: string,
): fc.Arbitrary<unknown> {
  const schema = context.resolve(rawSchema);
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const choices = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (choices) return fc.oneof(...choices.map((choice) => arbitraryOf(choice, context, name)));
  const allOf = schema['allOf'] as JsonSchema[] | undefined;
  if (allOf?.[0]) return arbitraryOf(allOf[0], context, name);
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer':
          return integerArbitrary(schema);
        case 'number':
          return numberArbitrary(schema);
        case 'string':
          return stringArbitrary(schema, context, name);
        case 'array': {
          const items = (schema['items'] ?? {}) as JsonSchema;
          const itemName = name?.endsWith('s') ? name.slice(0, -1) : name;
          return fc.array(arbitraryOf(items, context, itemName), {
            minLength: num(schema, 'minItems') ?? 0,
            maxLength: Math.min(
              num(schema, 'maxItems') ?? 4,
              Math.max(num(schema, 'minItems') ?? 0, 4),
            ),
          });
        }
        default:
          return objectArbitrary(schema, context);
      }
    }),
  );
}
