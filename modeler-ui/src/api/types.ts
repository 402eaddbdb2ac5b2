/**
 * Wire types of the Switchboard HTTP API (`/api/v1`): aliases of the types generated from the
 * server's OpenAPI document into `./generated/openapi.ts` (`npm run api-types`, run by every build;
 * the file is not committed). Change the server, rebuild, and `tsc` shows where the console breaks.
 */
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/**
 * The document marks no member as required (the records carry no such annotation), so every
 * generated member is optional. The server does send every member of a record, except those that
 * are null: JSON-B leaves them out. `Sent<T, 'a' | 'b'>` is T as sent: every member present, all the
 * way down, but `a` and `b`, which may be absent.
 */
type Sent<T, MayBeAbsent extends keyof T = never> = Present<Omit<T, MayBeAbsent>> & {
  [K in MayBeAbsent]?: Present<NonNullable<T[K]>>;
};

type Present<T> = T extends readonly (infer Item)[]
  ? Present<Item>[]
  : T extends object
    ? { [K in keyof T]-?: Present<NonNullable<T[K]>> }
    : T;

export type User = Sent<Schemas['UserView']>;

export type Agency = Sent<Schemas['Agency']>;

export type Location = Sent<Schemas['Location']>;

/** `GET /api/v1/me` */
export type Me = Sent<Schemas['Me'], 'themeId'>;

/** `POST /api/v1/auth/login`: `Me` plus the bearer token and when it expires (ISO-8601). */
export type LoginResponse = Sent<Schemas['Session']>;

export type LoginRequest = Sent<Schemas['Credentials']>;

/** `POST /api/v1/locations` */
export type NewLocation = Sent<Schemas['NewLocation']>;

/** What starts a workflow: an event type (e.g. `contact.tag_added`) and values it must carry. */
export type WorkflowTrigger = Sent<Schemas['WorkflowTrigger']>;

/** One workflow (latest deployed version), as listed and as returned by a deploy. */
export type Workflow = Sent<Schemas['WorkflowSummary'], 'trigger'>;

export type Theme = Sent<Schemas['ThemeView'], 'parent'>;

/**
 * One thing wrong with a request: `detail`, and where it is: a JSON Pointer into the request body
 * (`/name`), a query or path `parameter`, or the id of a BPMN `element`; none for the whole request.
 */
export type FieldError = Sent<Schemas['FieldError'], 'pointer' | 'parameter' | 'element'>;

/** RFC 9457 problem details (`application/problem+json`), as `client.ts` hands them on. */
export type Problem = Sent<Omit<Schemas['Problem'], 'errors'>, 'detail' | 'instance'> & {
  /** Empty when the server named none. */
  errors: FieldError[];
};
