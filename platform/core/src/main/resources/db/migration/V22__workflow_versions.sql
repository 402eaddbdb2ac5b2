-- Drafts, published versions with who published them, and workflows turned off or deleted.

-- A workflow turned off starts no run (its running runs go on); a deleted one is also no longer listed.
ALTER TABLE workflow_setting ADD COLUMN enabled boolean NOT NULL DEFAULT true;
ALTER TABLE workflow_setting ADD COLUMN deleted_at timestamptz;

-- The one draft of a workflow: any BPMN 2.0 document, saved without being checked against the
-- executable profile; publishing it checks it and makes it the next version.
CREATE TABLE workflow_draft (
    location_id  uuid NOT NULL REFERENCES location (id),
    process_key  text NOT NULL,
    xml          text NOT NULL,
    saved_by     text,
    saved_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, process_key)
);

-- Each published version: who published it and when (the engine keeps the document itself).
CREATE TABLE workflow_version (
    location_id            uuid NOT NULL REFERENCES location (id),
    process_key            text NOT NULL,
    version                integer NOT NULL,
    process_definition_id  text NOT NULL,
    published_by           text,
    published_at           timestamptz NOT NULL DEFAULT now(),
    source                 text NOT NULL CHECK (source IN ('upload', 'draft', 'rollback')),
    PRIMARY KEY (location_id, process_key, version)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['workflow_draft', 'workflow_version'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()))',
                       t || '_tenant', t);
    END LOOP;
END $$;
