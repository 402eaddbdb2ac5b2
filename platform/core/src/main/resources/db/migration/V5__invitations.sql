-- Invitations: an agency admin invites someone by email with the roles they will have; the link
-- with the invitation's token lets them choose a password, which creates their user. Only the
-- token's SHA-256 is kept.
CREATE TABLE invitation (
    id              uuid PRIMARY KEY,
    agency_id       uuid NOT NULL REFERENCES agency (id),
    email           text NOT NULL,
    agency_role     text CHECK (agency_role IN ('OWNER', 'ADMIN')),
    location_roles  jsonb NOT NULL DEFAULT '{}',
    token_hash      text NOT NULL UNIQUE,
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    accepted_at     timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX invitation_agency_idx ON invitation (agency_id, created_at);

ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY invitation_tenant ON invitation
    USING ((SELECT switchboard_scope_is_system()) OR agency_id = (SELECT switchboard_scope_agency()));
