-- Settings of each workflow of a location that the engine's own tables do not keep, written when a
-- version is deployed: for now its re-entry policy (may a contact enter it again: always, once ever,
-- or once per so many days).
CREATE TABLE workflow_setting (
    location_id  uuid NOT NULL REFERENCES location (id),
    process_key  text NOT NULL,
    reentry      text NOT NULL DEFAULT 'always' CHECK (reentry ~ '^(always|once|P[1-9][0-9]{0,3}D)$'),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, process_key)
);

ALTER TABLE workflow_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY workflow_setting_tenant ON workflow_setting
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
