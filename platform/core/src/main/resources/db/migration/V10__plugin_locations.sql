-- Which installed plugins each location does not use (an installed plugin serves every location
-- until an agency admin turns it off for one), and which plugin actions each workflow's newest
-- version uses (so uninstalling or turning off a plugin in use is refused, naming the workflows).

CREATE TABLE plugin_disabled (
    location_id  uuid NOT NULL REFERENCES location (id),
    plugin_id    text NOT NULL,
    disabled_by  uuid REFERENCES app_user (id),
    disabled_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, plugin_id)
);

CREATE TABLE workflow_action (
    location_id  uuid NOT NULL REFERENCES location (id),
    process_key  text NOT NULL,
    action_id    text NOT NULL,
    plugin_id    text NOT NULL,
    PRIMARY KEY (location_id, process_key, action_id)
);
CREATE INDEX workflow_action_plugin_idx ON workflow_action (plugin_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['plugin_disabled', 'workflow_action'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()))',
                       t || '_tenant', t);
    END LOOP;
END $$;
