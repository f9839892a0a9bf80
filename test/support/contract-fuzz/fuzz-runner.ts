import fs from 'node:fs/promises';
import type { FuzzCase } from './fuzz-cases.js';
import type { FuzzOperation } from './openapi-operations.js';
import type { ObservedResponse, ResponseContract } from './response-contract.js';

export interface Failure {
  operation: string;
  reason: string;
  request: FuzzCase;
  response: ObservedResponse;
}

function preview(value: string | Uint8Array | undefined, limit: number): string {
  if (value === undefined) return '(none)';
  if (typeof value !== 'string') return `<${value.length} bytes>`;
  const shown = JSON.stringify(value.length > limit ? value.slice(0, limit) : value);
  return value.length > limit ? `${shown}… (${value.length} chars)` : shown;
}

/** A failure as the test prints it: enough to replay the request by hand. */
export function describeFailure({ operation, reason, request, response }: Failure): string {
  return [
    `${operation} — ${reason}`,
    `  case: ${request.kind} input, as ${request.actor}`,
    `  request: ${request.method} ${preview(request.target, 300)}`,
    `  headers: ${JSON.stringify(request.headers)}`,
    `  body: ${preview(request.body, 400)}`,
    `  response: ${response.status} ${response.contentType ?? '(no content type)'} ${preview(response.text, 400)}`,
  ].join('\n');
}

const problemOf = (status: number, codes: string[]) => ({
  content: {
    'application/problem+json': {
      schema: {
        allOf: [
          { $ref: '#/components/schemas/Problem' },
          { properties: { status: { const: status }, code: { enum: codes } } },
        ],
      },
    },
  },
});

/** A method the document has no operation for at `path`: 404 or 405 problem+json, nothing else. */
export function undocumentedMethod(path: string, method: string): FuzzOperation {
  return {
    key: `${method} ${path} (undocumented method)`,
    method,
    path,
    pathParams: [],
    query: [],
    headers: [],
    body: undefined,
    responses: {
      '404': problemOf(404, ['NOT_FOUND']),
      '405': problemOf(405, ['METHOD_NOT_ALLOWED']),
    },
    security: [],
  };
}

/** Sends generated requests to the app and checks each response against the contract. */
export class FuzzRunner {
  readonly failures: Failure[] = [];
  private readonly statuses = new Map<string, number[]>();
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly contract: ResponseContract,
  ) {}

  private async send(request: FuzzCase): Promise<ObservedResponse | undefined> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${request.target}`, {
        method: request.method,
        headers: request.headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
    } catch (error) {
      // A request the client library refuses to build (a header it will not send): not the
      // server's doing. A refused or dropped connection is.
      if (error instanceof TypeError && !String(error.cause ?? '').includes('ECONN'))
        return undefined;
      throw error;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type');
    return {
      status: response.status,
      contentType,
      text: contentType?.startsWith('image/')
        ? `<${bytes.length} bytes>`
        : new TextDecoder().decode(bytes),
      byteLength: bytes.length,
    };
  }

  /** Sends one request and records a failure when the response breaks the contract. */
  async check(operation: FuzzOperation, request: FuzzCase): Promise<void> {
    const response = await this.send(request);
    if (!response) return;
    this.requests += 1;
    this.statuses.set(operation.key, [
      ...(this.statuses.get(operation.key) ?? []),
      response.status,
    ]);
    const reason = this.contract.violation(operation, response);
    if (reason) this.failures.push({ operation: operation.key, reason, request, response });
  }

  /** The operations for which some generated request succeeded (2xx). */
  reachedHandlers(): number {
    return [...this.statuses.values()].filter((seen) => seen.some((status) => status < 300)).length;
  }

  /** Statuses seen per operation, e.g. `POST /api/v1/parts: 201×9 400×20 403×5`. */
  coverage(): string {
    return [...this.statuses]
      .map(([key, seen]) => {
        const counts = new Map<number, number>();
        for (const status of seen) counts.set(status, (counts.get(status) ?? 0) + 1);
        return `${key}: ${[...counts].map(([status, n]) => `${status}×${n}`).join(' ')}`;
      })
      .join('\n');
  }

  /** The first failure of each kind (operation and reason), with how many there were. */
  report(): string {
    const kinds = new Map<string, Failure[]>();
    for (const failure of this.failures) {
      const kind = `${failure.operation} ${failure.reason.split(':')[0] ?? ''}`;
      kinds.set(kind, [...(kinds.get(kind) ?? []), failure]);
    }
    return [...kinds.values()]
      .map((group) => `${describeFailure(group[0] as Failure)}\n  (${group.length} such)`)
      .join('\n\n');
  }

  /** Every failure as a JSON line (binary bodies by their length). */
  async writeReport(file: string): Promise<void> {
    const lines = this.failures.map((failure) =>
      JSON.stringify(failure, (_key, value: unknown) =>
        value instanceof Uint8Array ? `<${value.length} bytes>` : value,
      ),
    );
    await fs.writeFile(file, lines.join('\n'));
  }
}
