// The one fetch wrapper for the web faces: JSON in and out, same-origin cookies, and every failure turned into an
// ApiError carrying the API's stable error shape {"error":{"code","message","details"}}.
export type FieldIssue = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field messages from a validation error (details.fields), empty otherwise. */
  get fields(): FieldIssue[] {
    const d = this.details as { fields?: unknown } | undefined;
    return Array.isArray(d?.fields) ? (d.fields as FieldIssue[]) : [];
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

let currentLanguage = 'zh';
/** The server answers error messages in English when asked (Accept-Language). */
export function setApiLanguage(lang: string): void {
  currentLanguage = lang;
}

const unauthorizedListeners = new Set<() => void>();
/** Called when any request comes back 401, so the console can return to the sign-in page. */
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

type Options = { method?: string; body?: unknown; query?: Query; signal?: AbortSignal; headers?: Record<string, string> };

export async function api<T>(path: string, opts: Options = {}): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage === 'en' ? 'en' : 'zh-CN' };
  if (opts.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (opts.headers) Object.assign(headers, opts.headers);
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', currentLanguage === 'en' ? 'Cannot reach the server' : '无法连接服务器，请检查网络');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const error = new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? `HTTP ${res.status}`, e?.details);
    if (res.status === 401 && !path.startsWith('/api/auth/sign-in')) unauthorizedListeners.forEach((fn) => fn());
    throw error;
  }
  return data as T;
}
