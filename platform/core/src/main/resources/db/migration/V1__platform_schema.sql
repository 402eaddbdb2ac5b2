-- Platform tables. Flowable manages its own ACT_* tables.

CREATE TABLE agency (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    theme_id    text NOT NULL DEFAULT 'default',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE location (
    id          uuid PRIMARY KEY,
    agency_id   uuid NOT NULL REFERENCES agency (id),
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX location_agency_idx ON location (agency_id);

CREATE TABLE app_user (
    id             uuid PRIMARY KEY,
    agency_id      uuid NOT NULL REFERENCES agency (id),
    email          text NOT NULL,
    password_hash  text NOT NULL,
    role           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));

CREATE TABLE access_token (
    token_hash  text PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contact (
    id           uuid PRIMARY KEY,
    location_id  uuid NOT NULL REFERENCES location (id),
    first_name   text,
    last_name    text,
    email        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_location_idx ON contact (location_id, created_at);

CREATE TABLE contact_tag (
    location_id  uuid NOT NULL REFERENCES location (id),
    contact_id   uuid NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    tag          text NOT NULL,
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contact_id, tag)
);
CREATE INDEX contact_tag_location_idx ON contact_tag (location_id, tag);

-- Transactional outbox: written in the same transaction as the change it describes.
CREATE TABLE domain_event (
    id             uuid PRIMARY KEY,
    location_id    uuid NOT NULL REFERENCES location (id),
    type           text NOT NULL,
    payload        jsonb NOT NULL,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    dispatched_at  timestamptz,
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text,
    failed_at      timestamptz
);
CREATE INDEX domain_event_pending_idx ON domain_event (occurred_at)
    WHERE dispatched_at IS NULL AND failed_at IS NULL;

-- Every uploaded plugin artifact; the active one per plugin is re-installed at boot,
-- earlier ones are kept for rollback.
CREATE TABLE plugin_artifact (
    id             uuid PRIMARY KEY,
    plugin_id      text NOT NULL,
    version        text NOT NULL,
    sha256         text NOT NULL,
    content        bytea NOT NULL,
    active         boolean NOT NULL,
    uploaded_by    uuid REFERENCES app_user (id),
    uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plugin_artifact_active_idx ON plugin_artifact (plugin_id) WHERE active;

CREATE TABLE plugin_setting (
    location_id  uuid NOT NULL REFERENCES location (id),
    plugin_id    text NOT NULL,
    plain        jsonb NOT NULL,
    secret       jsonb NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, plugin_id)
);

CREATE TABLE workflow_trigger (
    location_id   uuid NOT NULL REFERENCES location (id),
    process_key   text NOT NULL,
    event_type    text NOT NULL,
    match         jsonb NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, process_key)
);
CREATE INDEX workflow_trigger_event_idx ON workflow_trigger (location_id, event_type);

CREATE TABLE workflow_step (
    id                   uuid PRIMARY KEY,
    location_id          uuid NOT NULL REFERENCES location (id),
    process_instance_id  text NOT NULL,
    activity_id          text NOT NULL,
    action_id            text NOT NULL,
    plugin_id            text,
    plugin_version       text,
    status               text NOT NULL,
    summary              text,
    error                text,
    started_at           timestamptz NOT NULL,
    finished_at          timestamptz NOT NULL
);
CREATE INDEX workflow_step_instance_idx ON workflow_step (location_id, process_instance_id, started_at);
