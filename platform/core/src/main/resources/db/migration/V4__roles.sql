-- Who may do what: the platform operator (a flag on a user), one agency role per user (OWNER or
-- ADMIN) and roles per location (ADMIN, USER, READ_ONLY). Users can be disabled; a user's chosen
-- theme is their own preference.

ALTER TABLE app_user ADD COLUMN operator boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN disabled_at timestamptz;
ALTER TABLE app_user ADD COLUMN theme_id text;
ALTER TABLE app_user ADD CONSTRAINT app_user_agency_id_key UNIQUE (agency_id, id);

CREATE TABLE role_grant (
    user_id      uuid NOT NULL,
    agency_id    uuid NOT NULL,
    location_id  uuid,
    role         text NOT NULL,
    granted_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (agency_id, user_id) REFERENCES app_user (agency_id, id) ON DELETE CASCADE,
    FOREIGN KEY (agency_id, location_id) REFERENCES location (agency_id, id) ON DELETE CASCADE,
    CHECK ((location_id IS NULL AND role IN ('OWNER', 'ADMIN'))
        OR (location_id IS NOT NULL AND role IN ('ADMIN', 'USER', 'READ_ONLY')))
);
CREATE UNIQUE INDEX role_grant_agency_idx ON role_grant (user_id) WHERE location_id IS NULL;
CREATE UNIQUE INDEX role_grant_location_idx ON role_grant (user_id, location_id) WHERE location_id IS NOT NULL;
CREATE INDEX role_grant_location_lookup_idx ON role_grant (location_id);

ALTER TABLE role_grant ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_grant FORCE ROW LEVEL SECURITY;
CREATE POLICY role_grant_tenant ON role_grant
    USING ((SELECT switchboard_scope_is_system()) OR agency_id = (SELECT switchboard_scope_agency()));

-- the walking skeleton's agency admins: the first of each agency owns it, the others administer it;
-- the first user of the installation operates it
INSERT INTO role_grant (user_id, agency_id, role)
SELECT u.id, u.agency_id,
       CASE WHEN u.id = (SELECT f.id FROM app_user f WHERE f.agency_id = u.agency_id ORDER BY f.created_at, f.id LIMIT 1)
            THEN 'OWNER' ELSE 'ADMIN' END
FROM app_user u WHERE u.role = 'AGENCY_ADMIN';
UPDATE app_user SET operator = true
WHERE id = (SELECT id FROM app_user ORDER BY created_at, id LIMIT 1);
ALTER TABLE app_user DROP COLUMN role;

-- failed sign-ins, per account and per address, for throttling
CREATE TABLE login_failure (
    key             text PRIMARY KEY,
    failures        integer NOT NULL,
    window_started  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE login_failure ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_failure FORCE ROW LEVEL SECURITY;
CREATE POLICY login_failure_system ON login_failure USING ((SELECT switchboard_scope_is_system()));
