import { errorCodes } from '../errors/error-codes.js';
import { problemContentType } from './problem.js';
import type { RouteContract } from './route-contract.js';
import type { RawMedia } from './route-problems.js';

/** The RFC 9457 problem document every error is (problem.ts), as a shared component. */
export const problemSchema = {
  type: 'object',
  description:
    'RFC 9457 problem details with a stable `code` and the `requestId`; extensions (e.g. `retryAfterSeconds`) may be added.',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', enum: errorCodes },
    requestId: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
        required: ['path', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status', 'code', 'requestId'],
  additionalProperties: true,
} as const;

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

interface OpenApiOperation {
  security?: unknown;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}
interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

function rawContent(media: RawMedia): Record<string, { schema: Record<string, string> }> {
  const schema: Record<string, string> =
    media.encoding === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' };
  return Object.fromEntries(media.mediaTypes.map((type) => [type, { schema }]));
}

/**
 * A 4xx as problem+json with its codes. `extension` is the schema the route itself declared for
 * that status (e.g. the `lines` of INSUFFICIENT_STOCK), kept as a further `allOf` member.
 */
function problemResponse(status: number, codes: readonly string[], extension?: unknown) {
  return {
    description: `${reasonPhrases[status] ?? 'Client error'}: ${codes.join(', ')}`,
    content: {
      [problemContentType]: {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            {
              type: 'object',
              properties: { status: { const: status }, code: { enum: codes } },
            },
            ...(extension === undefined ? [] : [extension]),
          ],
        },
      },
    },
  };
}

/**
 * Completes the generated document from the route contracts: per operation its security (from
 * the policy), every 4xx it can answer as problem+json with the codes per status, raw request
 * bodies (CSV, images) and raw downloads. Throws when a contract has no operation in the document
 * or names a security scheme the document lacks, so a drift fails where the document is built.
 */
export function applyRouteContracts<T extends object>(
  document: T,
  contracts: readonly RouteContract[],
): T {
  const doc = document as OpenApiDocument;
  const schemes = doc.components?.securitySchemes ?? {};
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Problem: problemSchema },
  };
  for (const contract of contracts) {
    const operation = doc.paths?.[contract.path]?.[contract.method.toLowerCase()];
    if (!operation)
      throw new Error(`${contract.method} ${contract.path} is missing from the OpenAPI document`);
    for (const requirement of contract.security) {
      for (const name of Object.keys(requirement)) {
        if (!(name in schemes)) throw new Error(`security scheme ${name} is not in the document`);
      }
    }
    operation.security = contract.security;
    const responses: Record<string, unknown> = { ...operation.responses };
    if (contract.rawBody) {
      operation.requestBody = { required: true, content: rawContent(contract.rawBody) };
    }
    if (contract.rawResponse) {
      const { status } = contract.rawResponse;
      responses[String(status)] = {
        description: 'Default Response',
        ...(responses[String(status)] as object | undefined),
        content: rawContent(contract.rawResponse),
      };
    }
    for (const [status, codes] of contract.problems) {
      const declared = responses[String(status)] as
        { content?: Record<string, { schema?: unknown }> } | undefined;
      const extension = Object.values(declared?.content ?? {})[0]?.schema;
      responses[String(status)] = problemResponse(status, codes, extension);
    }
    operation.responses = responses;
  }
  return document;
}
