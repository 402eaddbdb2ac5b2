-- Where each "assign user" step's round robin stands: one counter per location and step of a workflow,
-- taken and moved on in the transaction that assigns, so concurrent runs hand out users in turn.
CREATE TABLE assignment_rotation (
    location_id   uuid NOT NULL REFERENCES location (id),
    rotation_key  text NOT NULL,
    turns         bigint NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, rotation_key)
);

ALTER TABLE assignment_rotation ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignment_rotation FORCE ROW LEVEL SECURITY;
CREATE POLICY assignment_rotation_tenant ON assignment_rotation
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
