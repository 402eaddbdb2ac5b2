/**
 * The one place that talks to the Switchboard HTTP API (same origin, JSON, bearer token).
 */
import type { Agency, LoginRequest, LoginResponse, Me, Problem, Theme, Workflow } from './types';

/** sessionStorage key holding the bearer token (a reload stays signed in; closing the tab signs out). */
export const TOKEN_STORAGE_KEY = 'switchboard.token';

/** Raised for any non-2xx answer; carries the problem document when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problemMessage(problem) ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function problemMessage(problem: Problem | null): string | undefined {
  if (!problem) return undefined;
  const head = problem.detail ?? problem.title;
  const details = (problem.errors ?? []).map((e) => e.message).filter((m) => m && m !== head);
  if (!head && details.length === 0) return undefined;
  return [head, ...details].filter(Boolean).join('\n');
}

let unauthorizedHandler: (() => void) | null = null;

/** Called whenever an authenticated call answers 401 (the session is gone: show the login form). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  else sessionStorage.removeItem(TOKEN_STORAGE_KEY);
}

type Accept = 'json' | 'text';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  json?: unknown;
  xml?: string;
  accept?: Accept;
  /** false for the login call itself: a 401 there is a bad password, not an expired session. */
  auth?: boolean;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', json, xml, accept = 'json', auth = true } = options;
  const headers = new Headers();
  headers.set('Accept', accept === 'json' ? 'application/json, application/problem+json' : 'application/xml, text/xml, application/problem+json');
  let body: string | undefined;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  } else if (xml !== undefined) {
    headers.set('Content-Type', 'application/xml');
    body = xml;
  }
  if (auth) {
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, null, `Network error: ${(e as Error).message}`);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && auth) {
      setToken(null);
      unauthorizedHandler?.();
    }
    throw new ApiError(response.status, problem, `${method} ${path} failed (HTTP ${response.status})`);
  }
  if (accept === 'text') return (await response.text()) as T;
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem | null> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Problem) : null;
  } catch {
    return { detail: text.length > 300 ? `${text.slice(0, 300)}…` : text };
  }
}

const enc = encodeURIComponent;

export const api = {
  /** `POST /api/v1/auth/login`; stores the token on success. */
  async login(credentials: LoginRequest): Promise<LoginResponse> {
    const result = await request<LoginResponse>('/api/v1/auth/login', { method: 'POST', json: credentials, auth: false });
    setToken(result.token);
    return result;
  },

  /** Forgets the token here and revokes it on the server (best effort: the session ends either way). */
  logout(): void {
    const token = getToken();
    setToken(null);
    if (token) {
      void fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
    }
  },

  me(): Promise<Me> {
    return request<Me>('/api/v1/me');
  },

  listWorkflows(locationId: string): Promise<Workflow[]> {
    return request<Workflow[]>(`/api/v1/locations/${enc(locationId)}/workflows`);
  },

  getWorkflowBpmn(locationId: string, key: string): Promise<string> {
    return request<string>(`/api/v1/locations/${enc(locationId)}/workflows/${enc(key)}/bpmn`, { accept: 'text' });
  },

  /** Deploys the XML as a new version; answers the new version. */
  deployWorkflow(locationId: string, bpmnXml: string): Promise<Workflow> {
    return request<Workflow>(`/api/v1/locations/${enc(locationId)}/workflows`, { method: 'POST', xml: bpmnXml });
  },

  listThemes(): Promise<Theme[]> {
    return request<Theme[]>('/api/v1/themes');
  },

  setAgencyTheme(themeId: string): Promise<Agency> {
    return request<Agency>('/api/v1/agency/theme', { method: 'PUT', json: { themeId } });
  },
};

export type Api = typeof api;
