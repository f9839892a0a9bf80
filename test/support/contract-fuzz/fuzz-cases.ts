import fc from 'fast-check';
import type { Caller } from '../../../src/platform/http/caller.js';
import type { FuzzOperation, OpenApiParameter } from './openapi-operations.js';
import { arbitraryOf, type ArbitraryContext } from './schema-arbitrary.js';
import { mutationsOf, nastyString } from './schema-mutations.js';

/** Who calls: headers carrying credentials (none for the anonymous caller). */
export interface Actor {
  name: string;
  headers: Record<string, string>;
  /** Who the server will take it for; `undefined` for the anonymous and invalid credentials. */
  caller: Caller | undefined;
}

/** What the fuzzer draws inputs from besides the schemas: callers, ids, files. */
export interface FuzzWorld {
  /**
   * The callers of an operation with their weights: those its policy admits are drawn more often,
   * so invalid inputs reach validation instead of stopping at 401/403.
   */
  actorsFor: (operation: FuzzOperation) => ReadonlyArray<{ weight: number; actor: Actor }>;
  context: ArbitraryContext;
  /** Real ids for a path parameter (by the collection the path names). */
  pathIds: (path: string, parameter: string) => readonly string[];
  /** Well-formed CSV files the import routes accept (parts, stock). */
  csvFiles: readonly string[];
  /** The largest JSON body the server takes (BODY_LIMIT_BYTES). */
  bodyLimitBytes: number;
}

/** One generated request. */
export interface FuzzCase {
  /** Which input was made invalid (`valid` when none). */
  kind: string;
  actor: string;
  method: string;
  /** Path and query string, encoded. */
  target: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/**
 * Percent-encodes like encodeURIComponent, but a lone surrogate (which encodeURIComponent refuses)
 * becomes its 3-byte generalised UTF-8 form (`%ED%A0%80`), as a hostile client would send it.
 */
export function encodeComponent(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text.charAt(index));
    }
  }
  return out;
}

/**
 * Node refuses a request line over 16 KB with 431 before the application sees it (a transport
 * limit, not an operation's contract), so URL parts are kept short; huge strings go in bodies.
 */
const maxUrlPart = 600;

function asQueryValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.slice(0, maxUrlPart);
}

/** Header values must be visible ASCII: anything else is replaced (clients cannot send it). */
function asHeaderValue(value: unknown): string {
  return (
    asQueryValue(value)
      .replace(/[^\x21-\x7e ]/g, 'x')
      .trim() || 'x'
  );
}

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const png = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

interface Body {
  contentType?: string;
  payload: string | Uint8Array;
}

/** Bodies no schema describes: broken JSON, other media types, too large, hostile keys. */
function rawBodies(world: FuzzWorld): fc.Arbitrary<Body> {
  return fc.oneof(
    fc.constantFrom<Body>(
      { contentType: 'application/json', payload: '{"unterminated": ' },
      { contentType: 'application/json', payload: '' },
      { contentType: 'application/json', payload: '{"__proto__": {"isAdmin": true}}' },
      { contentType: 'application/json', payload: '{"constructor": {"prototype": {"x": 1}}}' },
      { contentType: 'application/json', payload: '[1, 2, 3]' },
      { contentType: 'application/json; charset=latin1', payload: '{}' },
      { contentType: 'application/xml', payload: '<a/>' },
      { contentType: 'text/plain', payload: 'hello' },
      { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
      { contentType: 'multipart/form-data; boundary=x', payload: '--x--' },
      { contentType: 'not a media type', payload: '{}' },
      { payload: '{"no": "content type"}' },
    ),
    fc.constant<Body>({
      contentType: 'application/json',
      payload: `{"padding": "${'p'.repeat(world.bodyLimitBytes)}"}`,
    }),
  );
}

function jsonBodies(schema: Record<string, unknown>, world: FuzzWorld): fc.Arbitrary<Body> {
  return arbitraryOf(schema, world.context).map((value) => ({
    contentType: 'application/json',
    payload: JSON.stringify(value) ?? '',
  }));
}

function mutatedJsonBodies(schema: Record<string, unknown>, world: FuzzWorld): fc.Arbitrary<Body> {
  return arbitraryOf(schema, world.context)
    .chain((valid) => mutationsOf(valid, schema, world.context))
    .map((value) => ({ contentType: 'application/json', payload: JSON.stringify(value) ?? '' }));
}

/** Bodies of the raw upload routes: real files, and files of the wrong kind. */
function mediaBodies(types: string[], world: FuzzWorld): fc.Arbitrary<Body> {
  const csv = types.some((type) => type.includes('csv'));
  const type = fc.constantFrom(...types);
  if (csv) {
    return fc.oneof(
      fc.tuple(type, fc.constantFrom(...world.csvFiles)).map(([contentType, payload]) => ({
        contentType,
        payload,
      })),
      fc.tuple(type, nastyString).map(([contentType, payload]) => ({ contentType, payload })),
      fc
        .tuple(type, fc.array(fc.array(nastyString, { maxLength: 4 }), { maxLength: 4 }))
        .map(([contentType, rows]) => ({
          contentType,
          payload: rows.map((row) => row.join(',')).join('\n'),
        })),
    );
  }
  return fc.oneof(
    fc.tuple(type, fc.constantFrom(png, jpeg)).map(([contentType, payload]) => ({
      contentType,
      payload,
    })),
    fc
      .tuple(type, fc.uint8Array({ maxLength: 64 }))
      .map(([contentType, payload]) => ({ contentType, payload })),
  );
}

function parameterValues(
  parameters: OpenApiParameter[],
  world: FuzzWorld,
): fc.Arbitrary<Array<[string, unknown]>> {
  return fc
    .tuple(
      ...parameters.map((parameter) =>
        fc.tuple(
          fc.constant(parameter.name),
          arbitraryOf(parameter.schema, world.context, parameter.name),
          parameter.required ? fc.constant(true) : fc.boolean(),
        ),
      ),
    )
    .map((entries) =>
      entries.filter(([, , present]) => present).map(([name, value]) => [name, value]),
    );
}

function pathValues(operation: FuzzOperation, world: FuzzWorld, invalid: boolean) {
  return fc.tuple(
    ...operation.pathParams.map((parameter) => {
      const real = world.pathIds(operation.path, parameter.name);
      const valid = real.length > 0 ? fc.oneof(fc.constantFrom(...real), fc.uuid()) : fc.uuid();
      return fc.tuple(
        fc.constant(parameter.name),
        invalid ? fc.oneof(nastyString, fc.string({ maxLength: 40 })) : valid,
      );
    }),
  );
}

/** What a case makes invalid. */
type Target = 'valid' | 'path' | 'query' | 'header' | 'body' | 'raw-body';

function targetsOf(operation: FuzzOperation): fc.Arbitrary<Target> {
  const weighted: Array<{ weight: number; arbitrary: fc.Arbitrary<Target> }> = [
    { weight: 6, arbitrary: fc.constant('valid') },
    { weight: 1, arbitrary: fc.constant('query') },
  ];
  if (operation.pathParams.length > 0) weighted.push({ weight: 2, arbitrary: fc.constant('path') });
  if (operation.headers.length > 0) weighted.push({ weight: 1, arbitrary: fc.constant('header') });
  if (operation.body) weighted.push({ weight: 3, arbitrary: fc.constant('body') });
  if (bodyMethods.has(operation.method))
    weighted.push({ weight: 1, arbitrary: fc.constant('raw-body') });
  return fc.oneof(...weighted);
}

function bodyOf(operation: FuzzOperation, world: FuzzWorld, target: Target) {
  if (target === 'raw-body') return rawBodies(world);
  if (!operation.body) return fc.constant(undefined);
  const json = operation.body['application/json'];
  if (json) return target === 'body' ? mutatedJsonBodies(json, world) : jsonBodies(json, world);
  const types = Object.keys(operation.body);
  // Raw uploads: the "invalid" case sends a JSON body instead of a file.
  return target === 'body' ? jsonBodies({}, world) : mediaBodies(types, world);
}

/** Generated requests for one operation: valid ones and ones invalid in one place. */
export function casesOf(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const actor = fc.oneof(
    ...world
      .actorsFor(operation)
      .map(({ weight, actor: candidate }) => ({ weight, arbitrary: fc.constant(candidate) })),
  );
  return targetsOf(operation).chain((target) =>
    fc
      .record({
        actor,
        path: pathValues(operation, world, target === 'path'),
        query: parameterValues(operation.query, world),
        extraQuery: target === 'query' ? queryMutations(operation) : fc.constant([]),
        headers: parameterValues(operation.headers, world),
        headerMutation:
          target === 'header'
            ? fc.constantFrom('k'.repeat(300), '', ' ', 'cookie')
            : fc.constant(undefined),
        body: bodyOf(operation, world, target),
      })
      .map(({ actor: caller, path, query, extraQuery, headers, headerMutation, body }) => {
        let url = operation.path;
        for (const [name, value] of path)
          url = url.replace(`{${name}}`, encodeComponent(value.slice(0, maxUrlPart)));
        const pairs = [...query, ...extraQuery].map(([name, value]) => [name, asQueryValue(value)]);
        const search = pairs
          .map(([name, value]) => `${encodeComponent(name ?? '')}=${encodeComponent(value ?? '')}`)
          .join('&');
        const requestHeaders: Record<string, string> = { ...caller.headers };
        for (const [name, value] of headers) requestHeaders[name] = asHeaderValue(value);
        if (headerMutation !== undefined) {
          for (const parameter of operation.headers)
            requestHeaders[parameter.name] = headerMutation;
        }
        if (body?.contentType) requestHeaders['content-type'] = body.contentType;
        return {
          kind: target,
          actor: caller.name,
          method: operation.method,
          target: search ? `${url}?${search}` : url,
          headers: requestHeaders,
          ...(body ? { body: body.payload } : {}),
        };
      }),
  );
}

/** Query strings the schema does not allow: unknown or repeated names, hostile values. */
function queryMutations(operation: FuzzOperation): fc.Arbitrary<Array<[string, string]>> {
  const names = operation.query.map((parameter) => parameter.name);
  const name = names.length > 0 ? fc.constantFrom(...names, 'unknownParameter') : fc.constant('x');
  return fc.oneof(
    fc.tuple(name, nastyString).map(([key, value]): Array<[string, string]> => [[key, value]]),
    fc.tuple(name, fc.string()).map(([key, value]): Array<[string, string]> => [
      [key, value],
      [key, value],
    ]),
    fc.constant<Array<[string, string]>>([['limit', '-1']]),
  );
}
