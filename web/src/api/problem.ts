/** One field error of a problem+json response (`path` like `body.address.pincode`). */
export interface FieldProblem {
  path: string;
  message: string;
}

interface ProblemBody {
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const standardMembers = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'requestId',
  'instance',
  'errors',
]);

/**
 * An API error as the server described it (RFC 9457 problem+json with our stable `code`).
 * Pages show `message`; forms put `fieldErrors` on the matching inputs.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldProblem[];
  /**
   * The problem's extension members — the data a code carries (e.g. INSUFFICIENT_STOCK's
   * `lines`). Read them through a feature's typed helper, never by parsing `message`.
   */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(status: number, body: ProblemBody | undefined) {
    super(body?.detail ?? body?.title ?? `Request failed (${status})`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK_ERROR' : 'UNKNOWN');
    this.requestId = body?.requestId;
    this.fieldErrors = body?.errors ?? [];
    this.extensions = Object.fromEntries(
      Object.entries(body ?? {}).filter(([member]) => !standardMembers.has(member)),
    );
  }

  /** Field errors keyed by form path: `body.address.pincode` → `address.pincode`. */
  fieldErrorMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const error of this.fieldErrors) {
      const path = error.path.replace(/^(body|query|params)\.?/, '');
      if (path && !(path in map)) map[path] = error.message;
    }
    return map;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns an openapi-fetch result into its data, or throws the server's problem. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiProblem(0, { detail: 'Cannot reach SpareFlow. Check your connection and retry.' });
  }
  if (result.response.ok) return result.data as T;
  throw new ApiProblem(result.response.status, result.error as ProblemBody | undefined);
}
