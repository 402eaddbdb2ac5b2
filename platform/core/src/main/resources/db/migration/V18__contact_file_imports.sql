-- Contact imports from files (docs/imports.md).
--
-- An uploaded file is stored in the database, so that any node can run its import and a restarted node
-- resume it: its bytes in chunks of whole rows (about 1 MiB each, split where a row ends), each with the
-- number of its first row, so that an import reads, and resumes at, any chunk without reading the ones
-- before it. Both tables are a location's data under the same row-level security as V3. Chunks are
-- stored uncompressed (EXTERNAL): compressing a megabyte per chunk on upload cost more time than the disk
-- it saves is worth for files that live for two days (bench/contact-import.sh, docs/benchmarks.md).

CREATE TABLE import_file (
    id          uuid PRIMARY KEY,
    location_id uuid NOT NULL REFERENCES location (id),
    name        text NOT NULL,
    format      text NOT NULL CHECK (format IN ('CSV', 'JSON_LINES')),
    -- CSV only: the delimiter found in its header line
    delimiter   text CHECK (delimiter IN (',', ';', E'\t')),
    bytes       bigint NOT NULL,
    rows        bigint NOT NULL,
    chunks      int NOT NULL,
    -- [{"name", "samples": [...]}]: the header's columns (CSV) or the members met (JSON lines)
    columns     jsonb NOT NULL,
    -- the first rows as read, each an array of cells by column
    preview     jsonb NOT NULL,
    created_by  uuid REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    UNIQUE (location_id, id)
);
CREATE INDEX import_file_location_idx ON import_file (location_id, created_at DESC, id DESC);
CREATE INDEX import_file_expiry_idx ON import_file (expires_at);

CREATE TABLE import_file_chunk (
    location_id uuid NOT NULL,
    file_id     uuid NOT NULL,
    seq         int NOT NULL,
    -- the row number of its first row (a CSV file's header is row 1), and how many rows it holds
    first_row   bigint NOT NULL,
    row_count   int NOT NULL,
    data        bytea NOT NULL,
    PRIMARY KEY (file_id, seq),
    FOREIGN KEY (location_id, file_id) REFERENCES import_file (location_id, id) ON DELETE CASCADE
);
ALTER TABLE import_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['import_file', 'import_file_chunk'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()))',
                       t || '_tenant', t);
    END LOOP;
END $$;

-- The contact table's side tables (V6: custom_field_value, contact_search_term) are kept by statement-level
-- triggers with transition tables instead of row triggers: one INSERT of a thousand contacts then writes
-- their side rows with two statements, not two per contact (bench/contact-import.sh measured the row
-- triggers at 1.4 ms per imported contact). What they write is exactly what the row triggers wrote: the
-- values of every inserted contact, those of an updated contact whose custom_fields (or search_text)
-- changed, replaced, and none of a deleted one. A trigger with transition tables cannot name columns
-- (UPDATE OF) nor serve several events, hence one function per event, and the update's own comparison of
-- old and new values. Companies and opportunities keep V6's row triggers: nothing writes them in bulk.

DROP TRIGGER contact_custom_field_values ON contact;
DROP TRIGGER contact_search_terms ON contact;

-- one row per value of a custom field (per option of a multipleOptions value), as V6's switchboard_index_custom_fields
CREATE FUNCTION switchboard_contact_values_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO custom_field_value (location_id, owner_id, field_id, text_value, number_value, date_value, bool_value)
    SELECT n.location_id, n.id, f.id,
           CASE WHEN f.data_type IN ('TEXT', 'SINGLE_OPTION', 'MULTIPLE_OPTIONS', 'PHONE', 'EMAIL', 'URL')
                THEN left(e.item, 200) END,
           CASE WHEN f.data_type IN ('NUMBER', 'MONEY') THEN e.item::double precision END,
           CASE WHEN f.data_type = 'DATE' THEN e.item::date END,
           CASE WHEN f.data_type = 'CHECKBOX' THEN e.item::boolean END
    FROM new_rows n
    CROSS JOIN LATERAL jsonb_each(n.custom_fields) v
    JOIN custom_field f ON f.location_id = n.location_id AND f.id::text = v.key AND f.data_type <> 'LARGE_TEXT'
    CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(v.value) = 'array' THEN v.value ELSE jsonb_build_array(v.value) END) AS e(item);
    RETURN NULL;
END $$;

CREATE FUNCTION switchboard_contact_values_updated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    -- the DELETE sees the values as they were before the statement, the INSERT's rows come after it
    WITH changed AS (
        SELECT n.location_id, n.id, n.custom_fields FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.custom_fields IS DISTINCT FROM o.custom_fields
    ), replaced AS (
        DELETE FROM custom_field_value v USING changed c WHERE v.location_id = c.location_id AND v.owner_id = c.id
    )
    INSERT INTO custom_field_value (location_id, owner_id, field_id, text_value, number_value, date_value, bool_value)
    SELECT n.location_id, n.id, f.id,
           CASE WHEN f.data_type IN ('TEXT', 'SINGLE_OPTION', 'MULTIPLE_OPTIONS', 'PHONE', 'EMAIL', 'URL')
                THEN left(e.item, 200) END,
           CASE WHEN f.data_type IN ('NUMBER', 'MONEY') THEN e.item::double precision END,
           CASE WHEN f.data_type = 'DATE' THEN e.item::date END,
           CASE WHEN f.data_type = 'CHECKBOX' THEN e.item::boolean END
    FROM changed n
    CROSS JOIN LATERAL jsonb_each(n.custom_fields) v
    JOIN custom_field f ON f.location_id = n.location_id AND f.id::text = v.key AND f.data_type <> 'LARGE_TEXT'
    CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(v.value) = 'array' THEN v.value ELSE jsonb_build_array(v.value) END) AS e(item);
    RETURN NULL;
END $$;

CREATE FUNCTION switchboard_contact_values_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM custom_field_value v USING old_rows o WHERE v.location_id = o.location_id AND v.owner_id = o.id;
    RETURN NULL;
END $$;

-- the words of each contact's search text, as V6's switchboard_index_search_terms
CREATE FUNCTION switchboard_contact_terms_inserted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_search_term (location_id, contact_id, term)
    SELECT DISTINCT n.location_id, n.id, left(word, 100)
    FROM new_rows n, regexp_split_to_table(n.search_text, ' ') AS word WHERE word <> '';
    RETURN NULL;
END $$;

CREATE FUNCTION switchboard_contact_terms_updated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT n.location_id, n.id, n.search_text FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.search_text IS DISTINCT FROM o.search_text
    ), replaced AS (
        DELETE FROM contact_search_term t USING changed c WHERE t.location_id = c.location_id AND t.contact_id = c.id
    )
    INSERT INTO contact_search_term (location_id, contact_id, term)
    SELECT DISTINCT n.location_id, n.id, left(word, 100)
    FROM changed n, regexp_split_to_table(n.search_text, ' ') AS word WHERE word <> '';
    RETURN NULL;
END $$;

CREATE FUNCTION switchboard_contact_terms_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM contact_search_term t USING old_rows o WHERE t.location_id = o.location_id AND t.contact_id = o.id;
    RETURN NULL;
END $$;

CREATE TRIGGER contact_custom_field_values_inserted AFTER INSERT ON contact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_values_inserted();
CREATE TRIGGER contact_custom_field_values_updated AFTER UPDATE ON contact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_values_updated();
CREATE TRIGGER contact_custom_field_values_deleted AFTER DELETE ON contact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_values_deleted();
CREATE TRIGGER contact_search_terms_inserted AFTER INSERT ON contact
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_terms_inserted();
CREATE TRIGGER contact_search_terms_updated AFTER UPDATE ON contact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_terms_updated();
CREATE TRIGGER contact_search_terms_deleted AFTER DELETE ON contact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_terms_deleted();

-- The side tables' rows are written only by these triggers, with the location of the contact row they
-- copy, which its own foreign key already checks: a second check per side row (eighteen per imported
-- contact with twenty custom fields) cost a third of the time of writing them.
ALTER TABLE custom_field_value DROP CONSTRAINT custom_field_value_location_id_fkey;
ALTER TABLE contact_search_term DROP CONSTRAINT contact_search_term_location_id_fkey;

-- V17's tag index likewise: its update and delete triggers become statement-level, so that a batch of
-- contacts an import changes has its tags rewritten with two statements (V17's insert trigger already is).
DROP TRIGGER contact_tags_changed ON contact;
DROP FUNCTION switchboard_index_changed_tags();

CREATE FUNCTION switchboard_contact_tags_updated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT n.location_id, n.id, n.tags FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.tags IS DISTINCT FROM o.tags
    ), replaced AS (
        DELETE FROM contact_tag_index t USING changed c WHERE t.location_id = c.location_id AND t.contact_id = c.id
    )
    INSERT INTO contact_tag_index (location_id, tag, contact_id)
    SELECT c.location_id, t.tag, c.id FROM changed c CROSS JOIN LATERAL unnest(c.tags) AS t(tag);
    RETURN NULL;
END $$;

CREATE FUNCTION switchboard_contact_tags_deleted() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM contact_tag_index t USING old_rows o WHERE t.location_id = o.location_id AND t.contact_id = o.id;
    RETURN NULL;
END $$;

CREATE TRIGGER contact_tags_updated AFTER UPDATE ON contact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_tags_updated();
CREATE TRIGGER contact_tags_deleted AFTER DELETE ON contact
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION switchboard_contact_tags_deleted();

-- V6's row function for search words served the contact table only
DROP FUNCTION switchboard_index_search_terms();
