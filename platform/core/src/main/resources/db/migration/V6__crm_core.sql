-- The CRM core: contacts with GoHighLevel's fields, companies, custom fields and their values,
-- custom values, notes, tasks, pipelines and opportunities, and the history of every change.
-- Each table is a location's data under the same row-level security as V3, and child rows point at
-- their parents through (location_id, id) so that no row can refer to another location's.

-- a location's CRM settings: the country phone numbers without a prefix belong to, its time zone,
-- and how a new contact is matched against existing ones
ALTER TABLE location
    ADD COLUMN country text NOT NULL DEFAULT 'US' CHECK (country ~ '^[A-Z]{2}$'),
    ADD COLUMN timezone text NOT NULL DEFAULT 'UTC',
    ADD COLUMN duplicate_policy text NOT NULL DEFAULT 'EMAIL'
        CHECK (duplicate_policy IN ('NONE', 'EMAIL', 'PHONE', 'EMAIL_OR_PHONE'));

-- companies first: contacts point at them
CREATE TABLE company (
    id             uuid PRIMARY KEY,
    location_id    uuid NOT NULL REFERENCES location (id),
    name           text NOT NULL,
    domain         text,
    phone          text,
    email          text,
    website        text,
    address1       text,
    city           text,
    state          text,
    postal_code    text,
    country        text,
    custom_fields  jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint NOT NULL DEFAULT 0,
    UNIQUE (location_id, id)
);
CREATE INDEX company_name_idx ON company (location_id, lower(name), id);

-- contacts: tags move from their own table into an array (GIN-indexed for "has any / all / none")
ALTER TABLE contact
    ADD COLUMN name               text,
    ADD COLUMN additional_emails  text[] NOT NULL DEFAULT '{}',
    ADD COLUMN phone              text,
    ADD COLUMN additional_phones  text[] NOT NULL DEFAULT '{}',
    ADD COLUMN company_name       text,
    ADD COLUMN company_id         uuid,
    ADD COLUMN address1           text,
    ADD COLUMN city               text,
    ADD COLUMN state              text,
    ADD COLUMN postal_code        text,
    ADD COLUMN country            text,
    ADD COLUMN timezone           text,
    ADD COLUMN website            text,
    ADD COLUMN date_of_birth      date,
    ADD COLUMN source             text,
    ADD COLUMN assigned_to        uuid REFERENCES app_user (id),
    ADD COLUMN tags               text[] NOT NULL DEFAULT '{}',
    ADD COLUMN dnd                boolean NOT NULL DEFAULT false,
    ADD COLUMN dnd_sms            boolean NOT NULL DEFAULT false,
    ADD COLUMN dnd_email          boolean NOT NULL DEFAULT false,
    ADD COLUMN dnd_call           boolean NOT NULL DEFAULT false,
    ADD COLUMN dnd_whatsapp       boolean NOT NULL DEFAULT false,
    ADD COLUMN custom_fields      jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN followers          uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN search_text        text NOT NULL DEFAULT '',
    ADD COLUMN deleted_at         timestamptz,
    ADD COLUMN merged_into        uuid,
    ADD COLUMN version            bigint NOT NULL DEFAULT 0;
ALTER TABLE contact ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
ALTER TABLE contact ADD CONSTRAINT contact_company_fkey
    FOREIGN KEY (location_id, company_id) REFERENCES company (location_id, id);

UPDATE contact c SET
    tags = coalesce((SELECT array_agg(t.tag ORDER BY t.added_at) FROM contact_tag t WHERE t.contact_id = c.id), '{}'),
    name = nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''),
    email = lower(c.email),
    search_text = lower(concat_ws(' ', c.first_name, c.last_name, c.email, split_part(c.email, '@', 1)));
DROP TABLE contact_tag;

DROP INDEX contact_location_idx;
CREATE INDEX contact_created_idx ON contact (location_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contact_updated_idx ON contact (location_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contact_name_idx ON contact (location_id, lower(coalesce(name, '')), id) WHERE deleted_at IS NULL;
CREATE INDEX contact_email_idx ON contact (location_id, email) WHERE deleted_at IS NULL;
CREATE INDEX contact_phone_idx ON contact (location_id, phone) WHERE deleted_at IS NULL;
CREATE INDEX contact_assigned_idx ON contact (location_id, assigned_to) WHERE deleted_at IS NULL;
CREATE INDEX contact_company_idx ON contact (location_id, company_id) WHERE company_id IS NOT NULL;
CREATE INDEX contact_deleted_idx ON contact (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX contact_tags_idx ON contact USING gin (tags);
CREATE INDEX contact_search_idx ON contact USING gin (search);
CREATE INDEX contact_custom_fields_idx ON contact USING gin (custom_fields jsonb_path_ops);

-- custom fields: definitions per location and model; values live in the owner's custom_fields
-- column keyed by the field's id, so renaming a field or its key keeps them
CREATE TABLE custom_field (
    id           uuid PRIMARY KEY,
    location_id  uuid NOT NULL REFERENCES location (id),
    model        text NOT NULL DEFAULT 'CONTACT' CHECK (model IN ('CONTACT', 'OPPORTUNITY', 'COMPANY')),
    field_key    text NOT NULL,
    name         text NOT NULL,
    data_type    text NOT NULL CHECK (data_type IN ('TEXT', 'LARGE_TEXT', 'NUMBER', 'MONEY', 'DATE', 'CHECKBOX',
                                                    'SINGLE_OPTION', 'MULTIPLE_OPTIONS', 'PHONE', 'EMAIL', 'URL')),
    options      text[] NOT NULL DEFAULT '{}',
    required     boolean NOT NULL DEFAULT false,
    placeholder  text,
    group_name   text,
    position     integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint NOT NULL DEFAULT 0,
    UNIQUE (location_id, id),
    UNIQUE (location_id, model, field_key)
);

-- custom values: a location's constants for merge fields ({{custom_values.key}})
CREATE TABLE custom_value (
    id           uuid PRIMARY KEY,
    location_id  uuid NOT NULL REFERENCES location (id),
    value_key    text NOT NULL,
    name         text NOT NULL,
    value        text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint NOT NULL DEFAULT 0,
    UNIQUE (location_id, value_key)
);

CREATE TABLE note (
    id           uuid PRIMARY KEY,
    location_id  uuid NOT NULL REFERENCES location (id),
    contact_id   uuid NOT NULL,
    body         text NOT NULL,
    author_id    uuid REFERENCES app_user (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint NOT NULL DEFAULT 0,
    FOREIGN KEY (location_id, contact_id) REFERENCES contact (location_id, id) ON DELETE CASCADE
);
CREATE INDEX note_contact_idx ON note (location_id, contact_id, created_at, id);

CREATE TABLE task (
    id            uuid PRIMARY KEY,
    location_id   uuid NOT NULL REFERENCES location (id),
    contact_id    uuid NOT NULL,
    title         text NOT NULL,
    body          text,
    due_date      timestamptz,
    assigned_to   uuid REFERENCES app_user (id),
    completed     boolean NOT NULL DEFAULT false,
    completed_at  timestamptz,
    created_by    uuid REFERENCES app_user (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint NOT NULL DEFAULT 0,
    FOREIGN KEY (location_id, contact_id) REFERENCES contact (location_id, id) ON DELETE CASCADE
);
CREATE INDEX task_contact_idx ON task (location_id, contact_id, created_at, id);
CREATE INDEX task_open_idx ON task (location_id, assigned_to, due_date, id) WHERE NOT completed;

CREATE TABLE pipeline (
    id           uuid PRIMARY KEY,
    location_id  uuid NOT NULL REFERENCES location (id),
    name         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint NOT NULL DEFAULT 0,
    UNIQUE (location_id, id)
);

CREATE TABLE pipeline_stage (
    id           uuid PRIMARY KEY,
    location_id  uuid NOT NULL,
    pipeline_id  uuid NOT NULL,
    name         text NOT NULL,
    position     integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (location_id, id),
    FOREIGN KEY (location_id, pipeline_id) REFERENCES pipeline (location_id, id) ON DELETE CASCADE
);
CREATE INDEX pipeline_stage_pipeline_idx ON pipeline_stage (location_id, pipeline_id, position);

CREATE TABLE opportunity (
    id                     uuid PRIMARY KEY,
    location_id            uuid NOT NULL REFERENCES location (id),
    name                   text NOT NULL,
    contact_id             uuid NOT NULL,
    pipeline_id            uuid NOT NULL,
    pipeline_stage_id      uuid NOT NULL,
    status                 text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WON', 'LOST', 'ABANDONED')),
    monetary_value         numeric(16, 2),
    currency               text CHECK (currency ~ '^[A-Z]{3}$'),
    assigned_to            uuid REFERENCES app_user (id),
    source                 text,
    lost_reason            text,
    custom_fields          jsonb NOT NULL DEFAULT '{}',
    last_status_change_at  timestamptz NOT NULL DEFAULT now(),
    last_stage_change_at   timestamptz NOT NULL DEFAULT now(),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    version                bigint NOT NULL DEFAULT 0,
    UNIQUE (location_id, id),
    FOREIGN KEY (location_id, contact_id) REFERENCES contact (location_id, id),
    FOREIGN KEY (location_id, pipeline_id) REFERENCES pipeline (location_id, id),
    FOREIGN KEY (location_id, pipeline_stage_id) REFERENCES pipeline_stage (location_id, id)
);
CREATE INDEX opportunity_board_idx ON opportunity (location_id, pipeline_id, pipeline_stage_id, updated_at, id);
CREATE INDEX opportunity_contact_idx ON opportunity (location_id, contact_id);

-- each stage an opportunity entered, and when
CREATE TABLE opportunity_stage_change (
    id              uuid PRIMARY KEY,
    location_id     uuid NOT NULL,
    opportunity_id  uuid NOT NULL,
    from_stage_id   uuid,
    to_stage_id     uuid NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (location_id, opportunity_id) REFERENCES opportunity (location_id, id) ON DELETE CASCADE
);
CREATE INDEX opportunity_stage_change_idx ON opportunity_stage_change (location_id, opportunity_id, changed_at);

-- history: one row per changed field of a contact or an opportunity, with who changed it; rows of
-- one change share change_id. contact_id places the row on a contact's timeline.
CREATE TABLE change_record (
    id            uuid PRIMARY KEY,
    location_id   uuid NOT NULL REFERENCES location (id),
    change_id     uuid NOT NULL,
    subject_type  text NOT NULL CHECK (subject_type IN ('CONTACT', 'OPPORTUNITY')),
    subject_id    uuid NOT NULL,
    contact_id    uuid,
    actor_type    text NOT NULL CHECK (actor_type IN ('USER', 'WORKFLOW', 'PLUGIN', 'SYSTEM')),
    actor_id      text,
    field         text NOT NULL,
    before_value  jsonb,
    after_value   jsonb,
    changed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_record_contact_idx ON change_record (location_id, contact_id, changed_at, id);
CREATE INDEX change_record_subject_idx ON change_record (location_id, subject_id, changed_at, id);

-- merges of duplicate contacts: what moved from the duplicate to the primary
CREATE TABLE contact_merge (
    id            uuid PRIMARY KEY,
    location_id   uuid NOT NULL REFERENCES location (id),
    primary_id    uuid NOT NULL,
    duplicate_id  uuid NOT NULL,
    actor_type    text NOT NULL,
    actor_id      text,
    moved         jsonb NOT NULL DEFAULT '{}',
    merged_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_merge_primary_idx ON contact_merge (location_id, primary_id, merged_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['company', 'custom_field', 'custom_value', 'note', 'task', 'pipeline', 'pipeline_stage',
                             'opportunity', 'opportunity_stage_change', 'change_record', 'contact_merge'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()))',
                       t || '_tenant', t);
    END LOOP;
END $$;

-- Custom field values, typed, for filters: the owner's custom_fields jsonb is the record of truth;
-- a trigger keeps one row per value here (one per option of a multipleOptions value), in the same
-- transaction as the write. Under row-level security PostgreSQL uses only LEAKPROOF operators as index
-- conditions: text, date, float and boolean comparisons are, jsonb operators and numeric comparisons
-- are not (bench/custom-field-storage.sh, docs/crm.md). Texts keep their first 200 characters (an
-- index entry has a size limit; a filter re-checks the full value); large texts are not indexed.
CREATE TABLE custom_field_value (
    location_id   uuid NOT NULL REFERENCES location (id),
    owner_id      uuid NOT NULL,
    field_id      uuid NOT NULL,
    text_value    text,
    number_value  double precision,
    date_value    date,
    bool_value    boolean
);
ALTER TABLE custom_field_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE custom_field_value FORCE ROW LEVEL SECURITY;
CREATE POLICY custom_field_value_tenant ON custom_field_value
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
CREATE INDEX custom_field_value_owner_idx ON custom_field_value (location_id, owner_id);
CREATE INDEX custom_field_value_text_idx ON custom_field_value (location_id, field_id, text_value) WHERE text_value IS NOT NULL;
CREATE INDEX custom_field_value_number_idx ON custom_field_value (location_id, field_id, number_value) WHERE number_value IS NOT NULL;
CREATE INDEX custom_field_value_date_idx ON custom_field_value (location_id, field_id, date_value) WHERE date_value IS NOT NULL;
CREATE INDEX custom_field_value_bool_idx ON custom_field_value (location_id, field_id, bool_value) WHERE bool_value IS NOT NULL;

CREATE FUNCTION switchboard_index_custom_fields() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF TG_OP = 'UPDATE' AND NEW.custom_fields IS NOT DISTINCT FROM OLD.custom_fields THEN
            RETURN NULL;
        END IF;
        DELETE FROM custom_field_value WHERE location_id = OLD.location_id AND owner_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO custom_field_value (location_id, owner_id, field_id, text_value, number_value, date_value, bool_value)
        SELECT NEW.location_id, NEW.id, f.id,
               CASE WHEN f.data_type IN ('TEXT', 'SINGLE_OPTION', 'MULTIPLE_OPTIONS', 'PHONE', 'EMAIL', 'URL')
                    THEN left(e.item, 200) END,
               CASE WHEN f.data_type IN ('NUMBER', 'MONEY') THEN e.item::double precision END,
               CASE WHEN f.data_type = 'DATE' THEN e.item::date END,
               CASE WHEN f.data_type = 'CHECKBOX' THEN e.item::boolean END
        FROM jsonb_each(NEW.custom_fields) v
        JOIN custom_field f ON f.location_id = NEW.location_id AND f.id::text = v.key AND f.data_type <> 'LARGE_TEXT'
        CROSS JOIN LATERAL jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(v.value) = 'array' THEN v.value ELSE jsonb_build_array(v.value) END) AS e(item);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER contact_custom_field_values AFTER INSERT OR UPDATE OF custom_fields OR DELETE ON contact
    FOR EACH ROW EXECUTE FUNCTION switchboard_index_custom_fields();
CREATE TRIGGER company_custom_field_values AFTER INSERT OR UPDATE OF custom_fields OR DELETE ON company
    FOR EACH ROW EXECUTE FUNCTION switchboard_index_custom_fields();
CREATE TRIGGER opportunity_custom_field_values AFTER INSERT OR UPDATE OF custom_fields OR DELETE ON opportunity
    FOR EACH ROW EXECUTE FUNCTION switchboard_index_custom_fields();

-- The words of each contact's search text, for rare search words: under row-level security the GIN
-- index of the tsvector is not used (its match operator is not LEAKPROOF), while a btree range on a
-- text column is. Search takes its candidates from here when a word is rare and scans the location's
-- contacts in list order when every word is common (ContactSearch). Kept by a trigger.
CREATE TABLE contact_search_term (
    location_id  uuid NOT NULL REFERENCES location (id),
    contact_id   uuid NOT NULL,
    term         text COLLATE "C" NOT NULL
);
ALTER TABLE contact_search_term ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_search_term FORCE ROW LEVEL SECURITY;
CREATE POLICY contact_search_term_tenant ON contact_search_term
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
CREATE INDEX contact_search_term_idx ON contact_search_term (location_id, term, contact_id);
CREATE INDEX contact_search_term_contact_idx ON contact_search_term (location_id, contact_id);

CREATE FUNCTION switchboard_index_search_terms() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF TG_OP = 'UPDATE' AND NEW.search_text IS NOT DISTINCT FROM OLD.search_text THEN
            RETURN NULL;
        END IF;
        DELETE FROM contact_search_term WHERE location_id = OLD.location_id AND contact_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO contact_search_term (location_id, contact_id, term)
        SELECT DISTINCT NEW.location_id, NEW.id, left(word, 100)
        FROM regexp_split_to_table(NEW.search_text, ' ') AS word WHERE word <> '';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_search_terms AFTER INSERT OR UPDATE OF search_text OR DELETE ON contact
    FOR EACH ROW EXECUTE FUNCTION switchboard_index_search_terms();
INSERT INTO contact_search_term (location_id, contact_id, term)
SELECT DISTINCT c.location_id, c.id, left(word, 100)
FROM contact c, regexp_split_to_table(c.search_text, ' ') AS word WHERE word <> '';

-- The users a record of the current location may be assigned to: the location's agency's users who are
-- not disabled and hold an agency role or a role in this location. Work in a location's scope cannot
-- read app_user (it holds password hashes); this function returns only ids, for the location of the
-- connection's own scope, reading as the system scope for the one query and restoring the scope after
-- (an error aborts the transaction, which reverts the setting too).
CREATE FUNCTION switchboard_assignable_users() RETURNS SETOF uuid
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    previous text := coalesce(current_setting('switchboard.scope', true), '');
    here uuid := nullif(current_setting('switchboard.location_id', true), '')::uuid;
BEGIN
    PERFORM set_config('switchboard.scope', 'system', false);
    RETURN QUERY
        SELECT u.id FROM app_user u
        JOIN location l ON l.agency_id = u.agency_id
        WHERE l.id = here
          AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND (g.location_id IS NULL OR g.location_id = l.id));
    PERFORM set_config('switchboard.scope', previous, false);
END $$;
