-- Tenancy enforced by the database. Every table holding an agency's or a location's data gets
-- row-level security keyed on the session settings the platform's data source sets for each piece
-- of work (see DatabaseScope): switchboard.scope ('none', 'agency', 'location' or 'system'),
-- switchboard.agency_id and switchboard.location_id. FORCE makes the policies apply to the tables'
-- owner too, the role the platform connects as; the platform refuses to start as a role that could
-- bypass them (SUPERUSER or BYPASSRLS). Each policy reads the settings through scalar subqueries,
-- (SELECT switchboard_scope_location()), which PostgreSQL evaluates once per query rather than once
-- per row, so the planner keeps the plan it would choose without the policy (bench/row-level-security.sh).

CREATE FUNCTION switchboard_scope_is_system() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('switchboard.scope', true), '') = 'system' $$;
CREATE FUNCTION switchboard_scope_agency() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('switchboard.agency_id', true), '')::uuid $$;
CREATE FUNCTION switchboard_scope_location() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('switchboard.location_id', true), '')::uuid $$;

-- agencies, their locations and users: visible to the agency, and to work in one of its locations
ALTER TABLE agency ENABLE ROW LEVEL SECURITY;
ALTER TABLE agency FORCE ROW LEVEL SECURITY;
CREATE POLICY agency_tenant ON agency
    USING ((SELECT switchboard_scope_is_system()) OR id = (SELECT switchboard_scope_agency())
           OR id = (SELECT l.agency_id FROM location l WHERE l.id = (SELECT switchboard_scope_location())));

ALTER TABLE location ENABLE ROW LEVEL SECURITY;
ALTER TABLE location FORCE ROW LEVEL SECURITY;
CREATE POLICY location_tenant ON location
    USING ((SELECT switchboard_scope_is_system()) OR agency_id = (SELECT switchboard_scope_agency()) OR id = (SELECT switchboard_scope_location()));

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY app_user_tenant ON app_user
    USING ((SELECT switchboard_scope_is_system()) OR agency_id = (SELECT switchboard_scope_agency()));

-- tokens are only ever read while a request is being authenticated, which names its system scope
ALTER TABLE access_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_token FORCE ROW LEVEL SECURITY;
CREATE POLICY access_token_system ON access_token USING ((SELECT switchboard_scope_is_system()));

-- a location's data: visible and writable in that location's scope only
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['contact', 'contact_tag', 'domain_event', 'event_delivery', 'plugin_setting',
                             'workflow_trigger', 'workflow_run', 'action_execution'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()))',
                       t || '_tenant', t);
    END LOOP;
END $$;

-- attempts carry their location too, so that they fall under the same policy
ALTER TABLE action_attempt ADD COLUMN location_id uuid;
UPDATE action_attempt a SET location_id = e.location_id FROM action_execution e WHERE e.id = a.action_execution_id;
ALTER TABLE action_attempt ALTER COLUMN location_id SET NOT NULL;
ALTER TABLE action_attempt ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_attempt FORCE ROW LEVEL SECURITY;
CREATE POLICY action_attempt_tenant ON action_attempt
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));

-- composite foreign keys: a child row cannot point at a parent of another location
ALTER TABLE contact ADD CONSTRAINT contact_location_id_key UNIQUE (location_id, id);
ALTER TABLE contact_tag DROP CONSTRAINT contact_tag_contact_id_fkey;
ALTER TABLE contact_tag ADD CONSTRAINT contact_tag_contact_fkey
    FOREIGN KEY (location_id, contact_id) REFERENCES contact (location_id, id) ON DELETE CASCADE;

ALTER TABLE domain_event ADD CONSTRAINT domain_event_location_id_key UNIQUE (location_id, id);
ALTER TABLE event_delivery DROP CONSTRAINT event_delivery_event_id_fkey;
ALTER TABLE event_delivery ADD CONSTRAINT event_delivery_event_fkey
    FOREIGN KEY (location_id, event_id) REFERENCES domain_event (location_id, id) ON DELETE CASCADE;

ALTER TABLE action_execution ADD CONSTRAINT action_execution_location_id_key UNIQUE (location_id, id);
ALTER TABLE action_attempt DROP CONSTRAINT action_attempt_action_execution_id_fkey;
ALTER TABLE action_attempt ADD CONSTRAINT action_attempt_execution_fkey
    FOREIGN KEY (location_id, action_execution_id) REFERENCES action_execution (location_id, id) ON DELETE CASCADE;

ALTER TABLE location ADD CONSTRAINT location_agency_id_key UNIQUE (agency_id, id);
