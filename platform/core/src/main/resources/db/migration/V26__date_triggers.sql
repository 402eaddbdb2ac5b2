-- Date triggers: a date of each contact (birthday, renewal) starts a workflow for it, at a time of day
-- in the contact's time zone. One row per workflow whose newest version has one (while turned on);
-- active_since is when its present definition began to apply: nothing before it is fired.
CREATE TABLE workflow_date_trigger (
    location_id  uuid NOT NULL REFERENCES location (id),
    process_key  text NOT NULL,
    field        text NOT NULL,
    offset_days  integer NOT NULL CHECK (offset_days BETWEEN -365 AND 365),
    at_time      time NOT NULL,
    yearly       boolean NOT NULL,
    active_since timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, process_key)
);

-- What each trigger has fired, per contact and day: a sweep on any node, repeated after a crash, fires
-- a contact's date once. Kept a week.
CREATE TABLE workflow_date_fire (
    location_id uuid NOT NULL REFERENCES location (id),
    process_key text NOT NULL,
    contact_id  uuid NOT NULL,
    fire_on     date NOT NULL,
    fired_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, process_key, contact_id, fire_on)
);

ALTER TABLE workflow_date_trigger ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_date_trigger FORCE ROW LEVEL SECURITY;
CREATE POLICY workflow_date_trigger_tenant ON workflow_date_trigger
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
ALTER TABLE workflow_date_fire ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_date_fire FORCE ROW LEVEL SECURITY;
CREATE POLICY workflow_date_fire_tenant ON workflow_date_fire
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
