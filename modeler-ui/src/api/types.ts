/**
 * Wire types of the Switchboard HTTP API (`/api/v1`): aliases of the types generated from the
 * server's OpenAPI document into `./generated/openapi.ts` (`npm run api-types`, run by every build;
 * the file is not committed). Change the server, rebuild, and `tsc` shows where the console breaks.
 *
 * The document marks the members each schema always has as required (the host's `ApiDocumentFilter`);
 * the others (null, which JSON-B leaves out) are optional here.
 */
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

export type User = Schemas['UserView'];

export type Agency = Schemas['Agency'];

export type Location = Schemas['Location'];

export type AgencyRole = Schemas['AgencyRole'];

export type LocationRole = Schemas['LocationRole'];

/** `GET /api/v1/me`: the caller, their agency, locations, roles, permissions and own theme. */
export type Me = Schemas['Me'];

/** `POST /api/v1/auth/login`, `POST /api/v1/invitations/accept`: `Me` plus the bearer token and when it expires. */
export type LoginResponse = Schemas['Session'];

export type LoginRequest = Schemas['Credentials'];

/** `POST /api/v1/invitations/accept` */
export type Acceptance = Schemas['Acceptance'];

/** `POST /api/v1/locations` */
export type NewLocation = Schemas['NewLocation'];

/** A user of the agency as its admins see it (`/api/v1/agencies/{agencyId}/users`). */
export type AgencyUser = Schemas['AgencyUser'];

/** `POST /api/v1/agencies/{agencyId}/users` */
export type NewUser = Schemas['NewUser'];

/** `PUT /api/v1/agencies/{agencyId}/users/{userId}/roles`: replaces the user's roles. */
export type RoleChange = Schemas['RoleChange'];

/** An invitation; `token` and `acceptPath` only in the answer that creates it. */
export type Invitation = Schemas['Invitation'];

/** `POST /api/v1/agencies/{agencyId}/invitations` */
export type NewInvitation = Schemas['NewInvitation'];

/** What starts a workflow: an event type (e.g. `contact.tag_added`) and values it must carry. */
export type WorkflowTrigger = Schemas['WorkflowTrigger'];

/** One workflow (latest deployed version), as listed and as returned by a deploy. */
export type Workflow = Schemas['WorkflowSummary'];

export type Theme = Schemas['ThemeView'];

/**
 * One thing wrong with a request: `detail`, and where it is: a JSON Pointer into the request body
 * (`/name`), a query or path `parameter`, or the id of a BPMN `element`; none for the whole request.
 */
export type FieldError = Schemas['FieldError'];

/** RFC 9457 problem details (`application/problem+json`); `errors` is empty when the server named none. */
export type Problem = Schemas['Problem'];
