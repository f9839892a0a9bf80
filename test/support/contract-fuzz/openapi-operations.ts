import type { JsonSchema } from './schema-arbitrary.js';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}
export interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: JsonSchema }>;
}
interface OpenApiOperationObject {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, OpenApiResponse>;
  security?: Array<Record<string, string[]>>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperationObject>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown> };
}

/** One operation of the document, in the shape the fuzzer drives it. */
export interface FuzzOperation {
  /** `POST /api/v1/parts/{id}/supersede` */
  key: string;
  method: string;
  path: string;
  pathParams: OpenApiParameter[];
  query: OpenApiParameter[];
  headers: OpenApiParameter[];
  /** Media type → schema of the documented request body. */
  body: Record<string, JsonSchema> | undefined;
  responses: Record<string, OpenApiResponse>;
  security: Array<Record<string, string[]>>;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** Every operation of the document. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const body = operation.requestBody?.content;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        query: parameters.filter((parameter) => parameter.in === 'query'),
        headers: parameters.filter((parameter) => parameter.in === 'header'),
        body: body
          ? Object.fromEntries(
              Object.entries(body).map(([type, media]) => [type, media.schema ?? {}]),
            )
          : undefined,
        responses: operation.responses ?? {},
        security: operation.security ?? [],
      });
    }
  }
  return operations;
}

/**
 * Inlines `#/components/schemas/X` references (what the document writes), so each schema can be
 * compiled and walked on its own.
 */
export function refResolver(document: OpenApiDocument): (schema: JsonSchema) => JsonSchema {
  const components = document.components?.schemas ?? {};
  return (schema) => {
    let current = schema;
    for (let depth = 0; typeof current['$ref'] === 'string' && depth < 20; depth += 1) {
      const name = (current['$ref'] as string).replace('#/components/schemas/', '');
      const target = components[name];
      if (!target) throw new Error(`unresolved $ref ${String(current['$ref'])}`);
      current = target;
    }
    return current;
  };
}

/** A deep copy of `schema` with every component reference replaced by the component. */
export function inlineRefs(schema: unknown, resolve: (schema: JsonSchema) => JsonSchema): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, resolve));
  if (schema === null || typeof schema !== 'object') return schema;
  const resolved = resolve(schema as JsonSchema);
  return Object.fromEntries(
    Object.entries(resolved).map(([key, value]) => [key, inlineRefs(value, resolve)]),
  );
}
