import { ApiProblem } from '../api/problem';
import type { paths } from '../api/schema';

export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
type TokenPair = { accessToken: string; expiresIn?: number };

export type SessionState =
  | { status: 'loading'; me: null }
  | { status: 'anonymous'; me: null }
  | { status: 'authenticated'; me: Me };

/** Asks the server to also keep the refresh token in the httpOnly `sf_refresh` cookie. */
const cookieSession = { 'x-spareflow-session': 'cookie' } as const;
/** Refresh this long before the access token expires, so calls never wait on a refresh. */
const refreshLeadMs = 60_000;

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => undefined)) as
    ConstructorParameters<typeof ApiProblem>[1] | undefined;
  return new ApiProblem(response.status, body);
}

/**
 * The browser session. The access token lives only in this object's memory (never in storage,
 * so a script injected into the page cannot lift it from there); the refresh token lives in an
 * httpOnly cookie the page cannot read. Reloading the page restores the session through a
 * CSRF-protected cookie refresh; the token is refreshed silently a minute before it expires.
 */
export class SessionStore {
  private accessToken: string | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlightRefresh: Promise<boolean> | null = null;
  private state: SessionState = { status: 'loading', me: null };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  /** On page load: resume the session from the refresh cookie, if there is one. */
  async bootstrap(): Promise<void> {
    if (readCookie('sf_csrf') && (await this.refresh())) {
      await this.loadMe();
      return;
    }
    this.setState({ status: 'anonymous', me: null });
  }

  async login(email: string, password: string, organizationId?: string): Promise<void> {
    const tokens = await this.post('/api/v1/auth/login', {
      email,
      password,
      ...(organizationId ? { organizationId } : {}),
    });
    this.adopt(tokens);
    await this.loadMe();
  }

  async register(
    body: paths['/api/v1/auth/register']['post']['requestBody']['content']['application/json'],
  ): Promise<void> {
    this.adopt(await this.post('/api/v1/auth/register', body));
    await this.loadMe();
  }

  async switchOrganization(organizationId: string): Promise<void> {
    this.adopt(
      await this.post('/api/v1/auth/switch-organization', { organizationId }, { bearer: true }),
    );
    await this.loadMe();
  }

  /** Ends this browser's session (revokes its refresh token, clears the cookies). */
  async logout(): Promise<void> {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...this.csrfHeader() },
      body: '{}',
    }).catch(() => undefined);
    this.clear();
  }

  /** Ends every session of this person, on every device. */
  async logoutEverywhere(): Promise<void> {
    await this.post('/api/v1/auth/logout-all', {}, { bearer: true, expectBody: false });
    this.clear();
  }

  /** Re-reads `/me` (after a profile or role change). */
  async loadMe(): Promise<void> {
    const response = await this.authorisedFetch(
      new Request(new URL('/api/v1/me', location.origin)),
    );
    if (!response.ok) {
      this.clear();
      throw await problemOf(response);
    }
    this.setState({ status: 'authenticated', me: (await response.json()) as Me });
  }

  /**
   * `fetch` for API calls: adds the bearer token; on a 401 refreshes once (one refresh shared by
   * concurrent calls) and retries; if that fails too the session is over.
   */
  async authorisedFetch(request: Request): Promise<Response> {
    const attempt = () => {
      const copy = request.clone();
      if (this.accessToken) copy.headers.set('authorization', `Bearer ${this.accessToken}`);
      return fetch(copy);
    };
    const response = await attempt();
    if (response.status !== 401 || !this.accessToken) return response;
    if (!(await this.refresh())) {
      this.clear();
      return response;
    }
    return attempt();
  }

  /** Rotates the refresh cookie and gets a new access token; false when the session is gone. */
  refresh(): Promise<boolean> {
    this.inFlightRefresh ??= this.doRefresh().finally(() => {
      this.inFlightRefresh = null;
    });
    return this.inFlightRefresh;
  }

  private async doRefresh(): Promise<boolean> {
    try {
      this.adopt(await this.post('/api/v1/auth/refresh', {}));
      return true;
    } catch {
      return false;
    }
  }

  private csrfHeader(): Record<string, string> {
    const token = readCookie('sf_csrf');
    return token ? { 'x-csrf-token': token } : {};
  }

  private async post(
    path: string,
    body: unknown,
    options: { bearer?: boolean; expectBody?: boolean } = {},
  ): Promise<TokenPair> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...cookieSession,
      ...this.csrfHeader(),
    };
    if (options.bearer && this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await problemOf(response);
    if (options.expectBody === false) return { accessToken: this.accessToken ?? '' };
    return (await response.json()) as TokenPair;
  }

  private adopt(tokens: TokenPair): void {
    this.accessToken = tokens.accessToken;
    clearTimeout(this.refreshTimer);
    const lifetimeMs = (tokens.expiresIn ?? 900) * 1000;
    this.refreshTimer = setTimeout(
      () => void this.refresh().then((ok) => ok || this.clear()),
      Math.max(lifetimeMs - refreshLeadMs, 5_000),
    );
  }

  private clear(): void {
    this.accessToken = null;
    clearTimeout(this.refreshTimer);
    this.setState({ status: 'anonymous', me: null });
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The one session of this browser tab. */
export const session = new SessionStore();
