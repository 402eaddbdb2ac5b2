/**
 * Wire types of the Switchboard HTTP API (`/api/v1`): aliases of the types generated from the
 * server's OpenAPI document into `./generated/openapi.ts` (`npm run api-types`, run by every build;
 * the file is not committed). Change the server, rebuild, and `tsc` shows where the console breaks.
 *
 * The document marks the members each schema always has as required (the host's `ApiDocumentFilter`);
 * the others (null, which JSON-B leaves out) are optional here.
 */
import type { components, operations } from './generated/openapi';

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

/** One run of a workflow; its steps (every element it passed) only when read alone. */
export type WorkflowRun = Schemas['WorkflowRun'];

export type WorkflowRunStep = Schemas['Step'];

/** Where a failed run waits and what can be done about it. */
export type RunIncident = Schemas['Incident'];

export type RunState = 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export type Theme = Schemas['ThemeView'];

/**
 * One thing wrong with a request: `detail`, and where it is: a JSON Pointer into the request body
 * (`/name`), a query or path `parameter`, or the id of a BPMN `element`; none for the whole request.
 */
export type FieldError = Schemas['FieldError'];

/** RFC 9457 problem details (`application/problem+json`); `errors` is empty when the server named none. */
export type Problem = Schemas['Problem'];

// --- CRM
//
// Members the server types as "any JSON" (jakarta.json values: a contact's custom values, a timeline
// entry's before and after, what a merge moved) come out of the generator as empty records; these
// types say what the console reads in them instead.

/** A custom value: text, number, money, date (`YYYY-MM-DD`), checkbox, option(s), phone, email, url. */
export type CustomValue = string | number | boolean | string[];

/** A contact; `customFields` holds its custom values by field key. */
export type Contact = Omit<Schemas['Contact'], 'customFields'> & { customFields: Record<string, CustomValue> };

/** `GET …/contacts`: a page of contacts and the cursor of the next (absent on the last). */
export type ContactPage = Omit<Schemas['ContactPage'], 'items'> & { items: Contact[] };

/** The query of `GET …/contacts` (search, tags, assignee, sort, order, deleted, limit, cursor). */
export type ContactListQuery = NonNullable<operations['listContacts']['parameters']['query']>;

export type ContactSort = 'createdAt' | 'updatedAt' | 'name' | 'email';

export type DndSettings = Schemas['DndSettings'];

/** What a request may set on a contact (the server owns id, locationId and the timestamps). */
type ContactMembers = Omit<Contact, 'id' | 'locationId' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'dndSettings' | 'customFields'>;

/** `POST …/contacts` */
export type NewContact = Partial<ContactMembers> & {
  dndSettings?: Partial<DndSettings>;
  customFields?: Record<string, CustomValue>;
};

/** `PATCH …/contacts/{id}`: a JSON merge patch (null clears a member; customFields merges by key). */
export type ContactPatch = { [K in keyof ContactMembers]?: ContactMembers[K] | null } & {
  dndSettings?: Partial<DndSettings>;
  customFields?: Record<string, CustomValue | null> | null;
};

/** `POST …/contacts/{id}/tags` */
export type TagRequest = Schemas['TagRequest'];

/** `POST …/contacts/{id}/merge` */
export type MergeRequest = Schemas['MergeRequest'];

/** A duplicate merged into a contact; `moved` counts what moved (`tags` lists the tags added). */
export type ContactMerge = Omit<Schemas['ContactMerge'], 'moved'> & { moved: Record<string, unknown> };

/** One entry of a contact's timeline; `kind` says which members it has. */
export type TimelineItem = Omit<Schemas['TimelineItem'], 'before' | 'after'> & { before?: unknown; after?: unknown };

export type TimelinePage = Omit<Schemas['TimelinePage'], 'items'> & { items: TimelineItem[] };

/** A custom field of a location's contacts, opportunities or companies. */
export type CustomField = Schemas['CustomField'];

export type FieldModel = CustomField['model'];

export type FieldType = CustomField['type'];

/** `POST …/custom-fields` */
export type NewCustomField = Pick<CustomField, 'model' | 'key' | 'name' | 'type'> &
  Partial<Pick<CustomField, 'options' | 'required' | 'placeholder' | 'group' | 'position'>>;

/** `PATCH …/custom-fields/{id}`: the members given change (null clears placeholder or group). */
export type CustomFieldPatch = Partial<Pick<CustomField, 'key' | 'name' | 'options' | 'required' | 'position'>> & {
  placeholder?: string | null;
  group?: string | null;
};

/** A location's phone country, time zone and duplicate policy. */
export type CrmSettings = Schemas['CrmSettings'];

export type DuplicatePolicy = CrmSettings['duplicatePolicy'];

// --- Companies, notes, tasks, custom values

/** A company of the location; `customFields` holds its custom values by field key. */
export type Company = Omit<Schemas['Company'], 'customFields'> & { customFields: Record<string, CustomValue> };

export type CompanyPage = Omit<Schemas['CompanyPage'], 'items'> & { items: Company[] };

/** What a request may set on a company (the server owns id, locationId, contactCount and the timestamps). */
type CompanyMembers = Omit<Company, 'id' | 'locationId' | 'contactCount' | 'createdAt' | 'updatedAt' | 'customFields'>;

/** `POST …/companies` */
export type NewCompany = Pick<CompanyMembers, 'name'> &
  Partial<CompanyMembers> & { customFields?: Record<string, CustomValue> };

/** `PATCH …/companies/{id}`: a JSON merge patch (null clears a member; customFields merges by key). */
export type CompanyPatch = { [K in keyof CompanyMembers]?: CompanyMembers[K] | null } & {
  customFields?: Record<string, CustomValue | null> | null;
};

/** A note on a contact; `userId` is its author. */
export type Note = Schemas['Note'];

export type NotePage = Schemas['NotePage'];

/** A task about a contact. */
export type Task = Schemas['Task'];

export type TaskPage = Schemas['TaskPage'];

/** `POST …/contacts/{id}/tasks` */
export type NewTask = Pick<Task, 'title'> & Partial<Pick<Task, 'body' | 'dueDate' | 'assignedTo' | 'completed'>>;

/** `PATCH …/contacts/{id}/tasks/{taskId}`: null clears body, dueDate or assignedTo. */
export type TaskPatch = Partial<Pick<Task, 'title' | 'completed'>> & {
  body?: string | null;
  dueDate?: string | null;
  assignedTo?: string | null;
};

/**
 * A location's constant for workflow texts (`{{custom_values.<key>}}`). Named apart from `CustomValue`,
 * the value of a custom field.
 */
export type LocationValue = Schemas['CustomValue'];

/** `POST …/custom-values`; `PATCH …/custom-values/{id}` takes any of its members. */
export type NewLocationValue = Pick<LocationValue, 'key' | 'name'> & Partial<Pick<LocationValue, 'value'>>;

// --- Pipelines and opportunities

/** A pipeline with its stages in board order. */
export type Pipeline = Schemas['Pipeline'];

export type PipelineStage = Schemas['PipelineStage'];

/** `POST …/pipelines` */
export type NewPipeline = Schemas['NewPipeline'];

/** `POST …/pipelines/{id}/stages` */
export type NewStage = Schemas['NewStage'];

/** An opportunity; `customFields` holds its custom values by field key. */
export type Opportunity = Omit<Schemas['Opportunity'], 'customFields'> & { customFields: Record<string, CustomValue> };

export type OpportunityStatus = Opportunity['status'];

export type OpportunityPage = Omit<Schemas['OpportunityPage'], 'items'> & { items: Opportunity[] };

/** The query of `GET …/opportunities` (pipeline, stage, contact, status, assignee, sort, order, limit, cursor). */
export type OpportunityListQuery = NonNullable<operations['listOpportunities']['parameters']['query']>;

/** What a request may set on an opportunity (the server owns id, locationId and the timestamps). */
type OpportunityMembers = Omit<
  Opportunity,
  'id' | 'locationId' | 'createdAt' | 'updatedAt' | 'lastStatusChangeAt' | 'lastStageChangeAt' | 'customFields'
>;

/** `POST …/opportunities` */
export type NewOpportunity = Pick<OpportunityMembers, 'name' | 'contactId' | 'pipelineId'> &
  Partial<OpportunityMembers> & { customFields?: Record<string, CustomValue> };

/** `PATCH …/opportunities/{id}`: a JSON merge patch (null clears a member). */
export type OpportunityPatch = { [K in keyof OpportunityMembers]?: OpportunityMembers[K] | null } & {
  customFields?: Record<string, CustomValue | null> | null;
};

/** The sum of a stage's values in one currency. */
export type CurrencyTotal = Schemas['CurrencyTotal'];

/** One column of a board: the stage, how many it holds, its sums per currency and its first cards. */
export type BoardStage = Omit<Schemas['BoardStage'], 'items'> & { items: Opportunity[] };

/** `GET …/pipelines/{id}/board` */
export type PipelineBoard = Omit<Schemas['PipelineBoard'], 'stages'> & { stages: BoardStage[] };

/** A stage an opportunity entered, with the stages' names as they were then. */
export type OpportunityStageChange = Schemas['OpportunityStageChange'];

export type StageHistoryPage = Schemas['StageHistoryPage'];

// --- Segments and bulk actions (docs/segments.md)
//
// A filter, the conditions' catalog and a bulk action's options are "any JSON" to the generator; these
// types say what the console reads in them.

/** A filter of the language: a condition (`{type, …}`) or a group (`{all: […]}`, `{any: […]}`, `{not: …}`). */
export type SegmentFilter = Record<string, unknown>;

/** A saved segment with its last count (`lastCount`, `countedAt` absent until it was counted). */
export type Segment = Omit<Schemas['Segment'], 'filter'> & { filter: SegmentFilter };

/** `POST …/segments`; `PATCH …/segments/{id}` takes any of its members (a merge patch). */
export interface SegmentRequest {
  name: string;
  description?: string | null;
  filter: SegmentFilter;
}

/** `GET …/segments/{id}/count` */
export type SegmentCount = Schemas['SegmentCount'];

/** `POST …/segments/preview`: how many contacts a filter matches and the first 10. */
export type SegmentPreview = Omit<Schemas['SegmentPreview'], 'contacts'> & { contacts: Contact[] };

/** A condition type deployed in the platform (`field`, `tag`, …, and those modules add). */
export interface ConditionTypeInfo {
  type: string;
  description: string;
}

/** A standard field of contacts as the filter language compares it: `kind` is text, email, phone, date, moment or user. */
export interface ConditionField {
  field: string;
  label: string;
  kind: string;
  operators: string[];
}

/** A custom field of the location's contacts: `kind` is its type (text, number, singleOption, …), `options` its options. */
export interface ConditionCustomField extends ConditionField {
  options: string[];
}

/** `GET …/segments/conditions`: what a filter can say in the location, and the language's JSON Schema. */
export interface SegmentConditions {
  types: ConditionTypeInfo[];
  fields: ConditionField[];
  customFields: ConditionCustomField[];
  /** JSON Schema (2020-12): `oneOf` the groups and each condition type's own schema. */
  schema: { oneOf?: Array<{ properties?: Record<string, { const?: unknown; enum?: string[] }> }> };
}

/** A bulk action the platform offers, with the JSON Schema of its options. */
export interface BulkActionInfo {
  action: string;
  description: string;
  options: Record<string, unknown>;
}

/** `POST …/bulk-actions`: an action and its options, for one of a segment, a filter or a list of contacts. */
export type BulkActionRequest = Omit<Schemas['BulkActionRequest'], 'options' | 'filter'> & {
  options?: Record<string, unknown>;
  filter?: SegmentFilter;
};

// --- Plugins
//
// A plugin's descriptors and its settings' JSON Schema are "any JSON" to the generator; these types
// say what the console reads in them.

/** One contribution of a plugin: an extension point, the key it is found by, and its descriptor's members. */
export type PluginExtension = Omit<Schemas['ExtensionInfo'], 'descriptor'> & { descriptor: Record<string, unknown> };

/** What the bytecode verifier forbids plugin code (docs/security.md, "Plugin trust"). */
export type TrustRule = 'EXIT' | 'PROCESS' | 'FILES' | 'HOST_REFLECTION';

/**
 * One forbidden call the verifier found: `location` is where (`com.acme.Sender.send`, prefixed by a
 * nested jar as `lib/acme.jar!…`; a class-level use names the class), `call` what it uses.
 */
export interface TrustFinding {
  rule: TrustRule | string;
  location: string;
  call: string;
}

/**
 * What the trust checks said of a plugin's active artifact: who signed it (`signer` and `fingerprint`
 * absent when unsigned), the first findings of `findingCount`, whether the operator trusts its code.
 */
export interface PluginTrust {
  signed: boolean;
  signer?: string;
  fingerprint?: string;
  findings: TrustFinding[];
  findingCount: number;
  codeTrusted: boolean;
  verdict: string;
}

/**
 * An installed plugin: `packaging` is `OSGI` or `PF4J`; `state` is `ACTIVE`, or `FAILED` with the
 * reason in `error`; `previousVersion` is what a rollback returns to, when there is one; `trust` the
 * verdict of the trust checks on its active artifact (absent when none was recorded).
 */
export type Plugin = Omit<Schemas['PluginInfo'], 'extensions' | 'trust'> & {
  extensions: PluginExtension[];
  trust?: PluginTrust;
};

/** A certificate the operator trusts to sign plugins (`/api/v1/platform/signing-keys`). */
export type SigningKey = Schemas['SigningKey'];

/** A plugin whose code the operator trusts (`/api/v1/platform/trusted-plugins`). */
export type TrustedPlugin = Schemas['TrustedPlugin'];

/**
 * An installed plugin as one location sees it (`GET /api/v1/locations/{locationId}/plugins`): `enabled`
 * is false when an admin turned it off there (it serves every location until then).
 */
export type LocationPlugin = Schemas['LocationPlugin'];

/** A plugin's settings in a location: plain values as text, and the names of the secrets that are set (never their values). */
export type PluginSettings = Schemas['SettingsView'];

/** What `PUT …/plugins/{pluginId}/settings` takes: setting names to values; a secret left out keeps its value, `""` clears it. */
export type PluginSettingsValues = Record<string, string | number | boolean>;

/** One setting as the settings' JSON Schema (draft 2020-12) describes it: the members the form reads. */
export interface SettingsProperty {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  title?: string;
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  /** The value used when none is saved (text, as the SDK's `@Field(defaultValue)` gives it). */
  default?: unknown;
  examples?: unknown[];
  enum?: string[];
  /** A secret: accepted, never returned. */
  writeOnly?: boolean;
  'x-multiline'?: boolean;
  items?: { type?: string };
}

/** `GET …/plugins/{pluginId}/settings/schema`: the settings form, field by field, in the record's order. */
export interface SettingsSchema {
  type?: string;
  properties?: Record<string, SettingsProperty>;
  required?: string[];
}

// --- Imports and background jobs

/** How far a job is: items done and failed, the total when known, its rate and estimated seconds left. */
export type JobProgress = Schemas['JobProgress'];

/** A background job (an import, …); `parameters` and `result` are its kind's own JSON. */
export type Job = Omit<Schemas['Job'], 'parameters' | 'result'> & {
  parameters: Record<string, unknown>;
  result?: Record<string, unknown>;
};

export interface JobPage {
  items: Job[];
  nextCursor?: string;
}

/** An importer of a plugin the location uses, with the JSON Schema of the choices for one import. */
export type Importer = Omit<Schemas['Importer'], 'source'> & { source: SettingsSchema };

/** What a row matching a contact does: leave it, update it, or make another contact. */
export type DuplicateChoice = 'skip' | 'update' | 'create';

/** A file uploaded to import contacts from: its rows, columns with samples and suggested fields, a preview. */
export type ImportFile = Schemas['ImportFile'];

export type ImportFileColumn = Schemas['ImportFileColumn'];

/** `POST …/imports` for a file: each column's field (or null to leave it out), duplicates, tags for every row. */
export interface FileImportRequest {
  file: string;
  mapping: Record<string, string | null>;
  duplicates: DuplicateChoice;
  tags: string[];
}

/** `GET /api/v1/locations/{id}/notifications`: one of the caller's notifications. */
export type Notification = Schemas['Notification'];

/** The caller's notifications, newest first, with how many are unread. */
export type NotificationList = Schemas['NotificationList'];

export type NotificationsRead = Schemas['NotificationsRead'];
