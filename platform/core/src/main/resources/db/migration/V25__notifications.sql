-- Internal notifications: what a workflow tells the location's users ("a hot lead replied"), shown by
-- the console's bell to each recipient until they read it.
CREATE TABLE notification (
    id          uuid PRIMARY KEY,
    location_id uuid NOT NULL REFERENCES location (id),
    user_id     uuid NOT NULL,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        text NOT NULL DEFAULT '' CHECK (length(body) <= 2000),
    contact_id  uuid,
    run_id      text CHECK (length(run_id) <= 64),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);

CREATE INDEX notification_recipient_idx ON notification (location_id, user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (location_id, user_id) WHERE read_at IS NULL;

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_tenant ON notification
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
