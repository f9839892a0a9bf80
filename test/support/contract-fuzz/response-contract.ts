import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FuzzOperation } from './openapi-operations.js';
import { inlineRefs } from './openapi-operations.js';
import type { JsonSchema } from './schema-arbitrary.js';

/** What came back, as the checker needs it. */
export interface ObservedResponse {
  status: number;
  contentType: string | null;
  /** The body as text (binary bodies: their length only). */
  text: string;
  byteLength: number;
}

const jsonTypes = new Set(['application/json', 'application/problem+json']);

/** The media type without parameters: `text/csv; charset=utf-8` → `text/csv`. */
export function mediaTypeOf(contentType: string | null): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/**
 * Checks responses against the document with ajv (JSON Schema 2020-12, formats on): the status
 * must be documented for the operation (5xx never is), the content type must be one documented
 * for that status, a documented JSON body must validate against its schema (2xx bodies against
 * the response schema, 4xx against the Problem schema with the status's codes), and a status
 * documented without content must come without a body.
 */
export class ResponseContract {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly resolve: (schema: JsonSchema) => JsonSchema) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    this.ajv.addFormat('binary', true);
  }

  private validator(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(inlineRefs(schema, this.resolve) as JsonSchema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** `undefined` when the response keeps the contract, else what is wrong. */
  violation(operation: FuzzOperation, response: ObservedResponse): string | undefined {
    if (response.status >= 500) return `server error ${response.status}`;
    const documented =
      operation.responses[String(response.status)] ?? operation.responses['default'];
    if (!documented) {
      const listed = Object.keys(operation.responses).join(', ');
      return `status ${response.status} is not documented (documented: ${listed})`;
    }
    const media = mediaTypeOf(response.contentType);
    if (!documented.content) {
      return response.byteLength === 0
        ? undefined
        : `status ${response.status} is documented without a body, but ${response.byteLength} bytes of ${media ?? 'no type'} came`;
    }
    if (!media) return `no Content-Type on a ${response.status} with a documented body`;
    const entry = documented.content[media];
    if (!entry) {
      const listed = Object.keys(documented.content).join(', ');
      return `content type ${media} is not documented for ${response.status} (documented: ${listed})`;
    }
    if (!jsonTypes.has(media) || !entry.schema) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return `the ${media} body is not JSON`;
    }
    const validate = this.validator(`${operation.key} ${response.status} ${media}`, entry.schema);
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`)
      .join('; ');
    return `the ${response.status} body does not match its schema: ${errors}`;
  }
}
