-- What every write of a contact paid for and nothing read (docs/imports.md#where-the-time-goes), and what kept
-- every query under the policies on one core.
--
-- V6's three GIN indexes of the contact table are never used: under row-level security PostgreSQL uses a
-- condition as an index condition only when its operator is LEAKPROOF, and the array, jsonb and full-text
-- match operators are not, so every query that tests them (ContactSearch, the segments' compiler) filters
-- rows it found another way: the side tables of V6 and V17 (contact_search_term, custom_field_value,
-- contact_tag_index) or the location's btree indexes. EXPLAIN under the policies with sequential scans
-- disabled still does not pick them. Yet each INSERT and UPDATE of a contact writes all three: they were
-- 60 % of the time an import spends inserting contact rows, and about a sixth of its write-ahead log.
DROP INDEX contact_tags_idx;
DROP INDEX contact_search_idx;
DROP INDEX contact_custom_fields_idx;

-- V17's tag index is written only by the contact triggers, with the location of the contact row it
-- copies, which that row's own foreign key already checks (as V18 reasoned for the other side tables):
-- a second check per tag (five per imported contact) cost half the time of writing them.
ALTER TABLE contact_tag_index DROP CONSTRAINT contact_tag_index_location_id_fkey;

-- V3's scope functions, which every policy calls, were PARALLEL UNSAFE by default, and a query calling one
-- is never planned in parallel: every query under the policies ran on one core. They read settings that
-- PostgreSQL hands to parallel workers (current_setting is itself PARALLEL SAFE), and the policies
-- evaluate them once per query, in the leader, as init plans. Declared safe, a large segment count or
-- export scans with the workers too (bench/segments.sh, docs/benchmarks.md#segments).
ALTER FUNCTION switchboard_scope_is_system() PARALLEL SAFE;
ALTER FUNCTION switchboard_scope_agency() PARALLEL SAFE;
ALTER FUNCTION switchboard_scope_location() PARALLEL SAFE;
