// The HTTP client: JSON in and out, the session cookie, the CSRF token on every change, and
// one place that notices an expired session (401) so the app can ask the user to log in again.

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  fields?: FieldError[];
  currentState?: string;
  currentStateLabel?: string;
  allowedActions?: string[];
  currentVersion?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
  get code(): string {
    return this.body.error;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 on anything but the login itself. */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

async function request<T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      error: 'netwerk',
      message: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    });
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const b =
      data && typeof data === 'object' && typeof (data as ApiErrorBody).message === 'string'
        ? (data as ApiErrorBody)
        : { error: `http_${res.status}`, message: `Er ging iets mis (HTTP ${res.status}). Probeer het opnieuw.` };
    // The login steps answer 401 for a wrong password or code: that is not an expired session.
    const isLogin = method === 'POST' && (url === '/api/sessie' || url.startsWith('/api/sessie/totp'));
    if (res.status === 401 && !isLogin) onUnauthorized();
    throw new ApiError(res.status, b);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown) => request<T>('POST', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
};

/** Query string from an object; empty values are left out. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
