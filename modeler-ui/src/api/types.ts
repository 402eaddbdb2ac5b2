/** Wire types of the Switchboard HTTP API (`/api/v1`). Hand-written for now. */

export type Role = string;

export interface User {
  id: string;
  email: string;
  role: Role;
}

export interface Agency {
  id: string;
  name: string;
  themeId: string;
}

export interface Location {
  id: string;
  name: string;
}

/** `GET /api/v1/me` */
export interface Me {
  user: User;
  agency: Agency;
  locations: Location[];
}

/** `POST /api/v1/auth/login` */
export interface LoginResponse extends Me {
  token: string;
  /** ISO-8601 instant. */
  expiresAt: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface WorkflowTrigger {
  /** e.g. `contact.tag_added` */
  event: string;
  /** e.g. `{ "tag": "lead" }` */
  match: Record<string, string>;
}

/** One workflow (latest deployed version), as listed and as returned by a deploy. */
export interface Workflow {
  key: string;
  name: string;
  version: number;
  processDefinitionId: string;
  /** ISO-8601 instant. */
  deployedAt: string;
  trigger: WorkflowTrigger | null;
}

export interface Theme {
  id: string;
  name: string;
  parent: string | null;
}

/** RFC 9457 problem details (`application/problem+json`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { message: string }[];
}
