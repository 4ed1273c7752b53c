import { locale, t } from '../i18n/i18n.ts';
import type { ApiErrorBody } from './types.ts';

/** An error answer from the API, or a network failure (status 0, code NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Called when any request answers 401: the session has ended (expired, or logged out elsewhere). */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/**
 * Calls the JSON API with the session cookie. Mutations carry `X-Sotay-Client: web`, which the server
 * requires of cookie-authenticated writes as protection against cross-site request forgery.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale.get() };
  if (method !== 'GET') headers['X-Sotay-Client'] = 'web';
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', t('error.network'));
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as Partial<ApiErrorBody> | null)?.error;
    const error = new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? t('error.unknown'),
      err?.details,
    );
    if (res.status === 401 && error.code === 'AUTH_REQUIRED') onUnauthorized?.();
    throw error;
  }
  return data as T;
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : t('error.unknown');
}
