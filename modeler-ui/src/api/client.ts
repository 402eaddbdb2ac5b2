/**
 * The one place that talks to the Switchboard HTTP API (same origin, JSON, bearer token): the
 * transport, and the calls of the console's first views. `./crm.ts` holds the CRM's calls and
 * `./plugins.ts` the plugins', on the same transport.
 */
import type {
  Agency,
  AgencyUser,
  FieldError,
  Invitation,
  Location,
  LoginRequest,
  LoginResponse,
  Me,
  NewInvitation,
  NewUser,
  Problem,
  RoleChange,
  Theme,
  Workflow,
} from './types';

/** sessionStorage key holding the bearer token (a reload stays signed in; closing the tab signs out). */
export const TOKEN_STORAGE_KEY = 'switchboard.token';

/**
 * Raised for any non-2xx answer. `problem` is the server's `application/problem+json` document, or
 * one made up from the status when the answer was not one (a proxy's error page, a network failure).
 * The message is the problem's `detail` (else its title): what a form shows as its general error.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  /** `status` is the HTTP status (0: no answer). */
  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Each thing the server named as wrong (empty when it named none). */
  get errors(): FieldError[] {
    return this.problem.errors;
  }
}

/** One error as a line of text, its place first: `/name: required`, `element 'task': …`. */
export function describeFieldError(error: FieldError): string {
  const where = error.pointer ?? error.parameter ?? (error.element !== undefined ? `element '${error.element}'` : undefined);
  return where ? `${where}: ${error.detail}` : error.detail;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown): FieldError[] => {
    if (!entry || typeof entry !== 'object') return [];
    const e = entry as Record<string, unknown>;
    const detail = str(e.detail);
    if (detail === undefined) return [];
    const error: FieldError = { detail };
    if (str(e.pointer) !== undefined) error.pointer = str(e.pointer);
    else if (str(e.parameter) !== undefined) error.parameter = str(e.parameter);
    else if (str(e.element) !== undefined) error.element = str(e.element);
    return [error];
  });
}

/**
 * Reads an error answer as a problem document (RFC 9457), keeping only members of the documented
 * types, so the console never trusts the shape of what an intermediary may have answered instead.
 */
export function parseProblem(status: number, body: string, contentType: string, fallbackTitle: string): Problem {
  let parsed: unknown = null;
  if (body && contentType.includes('json')) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const p = parsed as Record<string, unknown>;
    return {
      type: str(p.type) ?? 'about:blank',
      title: str(p.title) ?? fallbackTitle,
      status: typeof p.status === 'number' ? p.status : status,
      detail: str(p.detail),
      instance: str(p.instance),
      errors: fieldErrors(p.errors),
    };
  }
  const text = contentType.includes('html') ? '' : body.trim();
  return {
    type: 'about:blank',
    title: fallbackTitle,
    status,
    detail: text ? (text.length > 300 ? `${text.slice(0, 300)}…` : text) : undefined,
    errors: [],
  };
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

type Accept = 'json' | 'text' | 'csv';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  /** The media type of `json` (default `application/json`; a merge patch is `application/merge-patch+json`). */
  jsonType?: string;
  xml?: string;
  /** A file sent as it is (a plugin jar), with its media type. */
  file?: { body: Blob; type: string };
  accept?: Accept;
  /** false for the login call itself: a 401 there is a bad password, not an expired session. */
  auth?: boolean;
}

/**
 * Sends one call and answers its status with the parsed body (undefined for 204). For the modules of
 * `src/api/` only: components call their functions.
 */
export async function send<T>(path: string, options: RequestOptions = {}): Promise<{ status: number; body: T }> {
  const { method = 'GET', json, jsonType = 'application/json', xml, file, accept = 'json', auth = true } = options;
  const headers = new Headers();
  headers.set(
    'Accept',
    accept === 'json'
      ? 'application/json, application/problem+json'
      : accept === 'csv'
        ? 'text/csv, application/problem+json'
        : 'application/xml, text/xml, application/problem+json',
  );
  let body: string | Blob | undefined;
  if (json !== undefined) {
    headers.set('Content-Type', jsonType);
    body = JSON.stringify(json);
  } else if (xml !== undefined) {
    headers.set('Content-Type', 'application/xml');
    body = xml;
  } else if (file !== undefined) {
    headers.set('Content-Type', file.type);
    body = file.body;
  }
  if (auth) {
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, {
      type: 'about:blank',
      title: `Network error: ${(e as Error).message}`,
      status: 0,
      errors: [],
    });
  }

  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const problem = parseProblem(
      response.status,
      text,
      response.headers.get('Content-Type') ?? '',
      `${method} ${path} failed (HTTP ${response.status})`,
    );
    if (response.status === 401 && auth) {
      setToken(null);
      unauthorizedHandler?.();
    }
    throw new ApiError(response.status, problem);
  }
  if (accept === 'text' || accept === 'csv') return { status: response.status, body: (await response.text()) as T };
  if (response.status === 204) return { status: response.status, body: undefined as T };
  return { status: response.status, body: (await response.json()) as T };
}

/** Sends one call and answers its parsed body (see `send`). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(path, options)).body;
}

const enc = encodeURIComponent;

export const api = {
  /** `POST /api/v1/auth/login`; stores the token on success. */
  async login(credentials: LoginRequest): Promise<LoginResponse> {
    const result = await request<LoginResponse>('/api/v1/auth/login', { method: 'POST', json: credentials, auth: false });
    setToken(result.token);
    return result;
  },

  /**
   * `POST /api/v1/invitations/accept` (public): creates the invitee's user with the password they chose
   * and signs them in; stores the token like a login. 404: the invitation is unknown, used, revoked or expired.
   */
  async acceptInvitation(token: string, password: string): Promise<LoginResponse> {
    const result = await request<LoginResponse>('/api/v1/invitations/accept', {
      method: 'POST',
      json: { token, password },
      auth: false,
    });
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

  /** `GET /api/v1/locations`: the agency's locations, oldest first. */
  listLocations(): Promise<Location[]> {
    return request<Location[]>('/api/v1/locations');
  },

  /** `POST /api/v1/locations`; a blank name or one over 200 characters is refused naming `/name`. */
  createLocation(name: string): Promise<Location> {
    return request<Location>('/api/v1/locations', { method: 'POST', json: { name } });
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

  /** The caller's own theme; null follows the agency's again. */
  setMyTheme(themeId: string | null): Promise<Me> {
    return request<Me>('/api/v1/me/theme', { method: 'PUT', json: { themeId } });
  },

  listUsers(agencyId: string): Promise<AgencyUser[]> {
    return request<AgencyUser[]>(`/api/v1/agencies/${enc(agencyId)}/users`);
  },

  /** 400 names `/email`, `/password`, `/agencyRole` or `/locationRoles/<id>`; 409: the email is taken. */
  createUser(agencyId: string, user: NewUser): Promise<AgencyUser> {
    return request<AgencyUser>(`/api/v1/agencies/${enc(agencyId)}/users`, { method: 'POST', json: user });
  },

  /** Replaces the user's roles. */
  changeUserRoles(agencyId: string, userId: string, roles: RoleChange): Promise<AgencyUser> {
    return request<AgencyUser>(`/api/v1/agencies/${enc(agencyId)}/users/${enc(userId)}/roles`, { method: 'PUT', json: roles });
  },

  disableUser(agencyId: string, userId: string): Promise<AgencyUser> {
    return request<AgencyUser>(`/api/v1/agencies/${enc(agencyId)}/users/${enc(userId)}/disable`, { method: 'POST' });
  },

  listInvitations(agencyId: string): Promise<Invitation[]> {
    return request<Invitation[]>(`/api/v1/agencies/${enc(agencyId)}/invitations`);
  },

  /** The answer holds the invitation's `acceptPath` (and token): the only time the server shows it. */
  invite(agencyId: string, invitation: NewInvitation): Promise<Invitation> {
    return request<Invitation>(`/api/v1/agencies/${enc(agencyId)}/invitations`, { method: 'POST', json: invitation });
  },

  revokeInvitation(agencyId: string, invitationId: string): Promise<Invitation> {
    return request<Invitation>(`/api/v1/agencies/${enc(agencyId)}/invitations/${enc(invitationId)}`, { method: 'DELETE' });
  },
};

export type Api = typeof api;
