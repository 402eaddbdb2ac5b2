-- A contact's conversation: the messages sent to and received from them on every channel that
-- plugins provide (email, SMS, …), in one timeline.

CREATE TABLE conversation_message (
    id           uuid PRIMARY KEY,
    location_id  uuid NOT NULL REFERENCES location (id),
    contact_id   uuid NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    channel      text NOT NULL,
    direction    text NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    status       text NOT NULL CHECK (status IN ('RECEIVED', 'SENDING', 'SENT', 'FAILED')),
    subject      text,
    body         text NOT NULL,
    error        text,
    vendor_id    text,
    plugin_id    text,
    sent_by      uuid REFERENCES app_user (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_message_contact_idx ON conversation_message (location_id, contact_id, created_at DESC, id DESC);

ALTER TABLE conversation_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_message FORCE ROW LEVEL SECURITY;
CREATE POLICY conversation_message_tenant ON conversation_message
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
