-- Host services for plugins: a store of JSON documents per plugin and location, and usage records
-- (what billing reads). Both are a location's data under the same row-level security as V3.

-- keys and collections compare byte by byte (collation C): keyset paging by key is then stable
-- whatever the database's locale, and served by the primary key's index
CREATE TABLE plugin_document (
    location_id  uuid NOT NULL REFERENCES location (id),
    plugin_id    text NOT NULL,
    collection   text COLLATE "C" NOT NULL CHECK (length(collection) BETWEEN 1 AND 100),
    key          text COLLATE "C" NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    body         jsonb NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, plugin_id, collection, key)
);

-- one row per recorded use; a plugin's idempotency key makes a retried record count once
CREATE TABLE plugin_usage (
    location_id      uuid NOT NULL REFERENCES location (id),
    plugin_id        text NOT NULL,
    meter            text NOT NULL CHECK (length(meter) BETWEEN 1 AND 100),
    quantity         bigint NOT NULL CHECK (quantity > 0),
    idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (location_id, plugin_id, idempotency_key)
);
CREATE INDEX plugin_usage_period_idx ON plugin_usage (location_id, recorded_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['plugin_document', 'plugin_usage'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()))',
                       t || '_tenant', t);
    END LOOP;
END $$;
