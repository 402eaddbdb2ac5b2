#!/usr/bin/env bash
# How custom field values should be stored so that segments can filter a million contacts by them.
# Builds the platform's schema (its Flyway migrations, applied in order with psql) in a scratch
# database, gives one location 1,000,000 contacts with five custom field values each in
# contact.custom_fields (jsonb, keyed by field id, GIN jsonb_path_ops index: what the platform stores),
# and compares three ways of answering the segment conditions the filter language will have:
#   jsonb    - the jsonb column alone: containment (@>) through the GIN index, ranges by ->> casts
#   typed    - a side table of typed values (one row per contact and field, btree per type)
#   exprs    - expression indexes on the jsonb column, one per field
# Each query runs 5 times as the platform's role in a location's scope (under row-level security, as
# the platform runs it) and 5 times as a superuser (no policies); the medians are reported. Under
# row-level security PostgreSQL uses a condition as an index condition only when its operator is
# LEAKPROOF: text, date, timestamptz, integer, float and boolean comparisons are; jsonb containment,
# ->>, array containment, full-text match and numeric comparisons are not. Also reports sizes.
# Needs a PostgreSQL server and psql; PGHOST, PGPORT, PGUSER (a superuser) choose it.
#   bench/custom-field-storage.sh [contacts, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS=${1:-1000000}
DB=switchboard_fields_bench_$$
ROLE=switchboard_fields_bench_$$
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
cleanup() {
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -q -d postgres -c "CREATE ROLE $ROLE LOGIN NOSUPERUSER NOBYPASSRLS" -c "CREATE DATABASE $DB OWNER $ROLE"
# in version order (V2 before V10), as Flyway applies them
for migration in $(printf '%s\n' platform/core/src/main/resources/db/migration/V*.sql | sort -V); do
  PGUSER=$ROLE psql -q -v ON_ERROR_STOP=1 -d "$DB" -c "SET switchboard.scope = 'system'" -f "$migration" >/dev/null
done
# the "jsonb + GIN" option compared here: V6 made these indexes, V19 removed them (unused under the policies)
PGUSER=$ROLE psql -q -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE INDEX contact_custom_fields_idx ON contact USING gin (custom_fields jsonb_path_ops)" \
  -c "CREATE INDEX contact_tags_idx ON contact USING gin (tags)"
sql() { PGUSER=$ROLE psql -q -X -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
# one statement's time in ms, measured by the server (EXPLAIN ANALYZE), median of 5; as the platform
# under row-level security, then as a superuser: "rls / superuser"
median() {
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$(PGUSER=$1 psql -q -X -d "$DB" -At -c "SET switchboard.scope = 'location'; SET switchboard.location_id = '$LOCATION';" \
      -c "EXPLAIN (ANALYZE, FORMAT JSON) $2" | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p' | tr -d '\n')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f", $1}'
}
timed() {
  echo "$(median "$ROLE" "$1") / $(median "$SUPERUSER" "$1")"
}
SUPERUSER=$PGUSER
LOCATION=00000000-0000-0000-0001-000000000001
PLAN=10000000-0000-0000-0000-000000000001      # singleOption: silver, gold, platinum
SEATS=10000000-0000-0000-0000-000000000002     # number 1..10,000
RENEWAL=10000000-0000-0000-0000-000000000003   # date within two years of today
VIP=10000000-0000-0000-0000-000000000004       # checkbox
NICK=10000000-0000-0000-0000-000000000005      # text

started=$(date +%s)
sql <<SQL
SET switchboard.scope = 'system';
INSERT INTO agency (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'Bench');
INSERT INTO location (id, agency_id, name) VALUES ('$LOCATION', '00000000-0000-0000-0000-000000000001', 'Bench');
INSERT INTO contact (id, location_id, first_name, email, tags, custom_fields, search_text)
SELECT gen_random_uuid(), '$LOCATION', 'First' || c, 'c' || c || '@bench.test',
       CASE WHEN c % 3 = 0 THEN '{webinar}'::text[] ELSE '{lead}'::text[] END,
       jsonb_build_object('$PLAN', (ARRAY['silver', 'gold', 'platinum'])[1 + c % 3],
                          '$SEATS', 1 + (c::bigint * 7919) % 10000,
                          '$RENEWAL', (current_date - 365 + ((c::bigint * 31) % 730)::int)::text,
                          '$VIP', c % 10 = 0,
                          '$NICK', 'nick' || c),
       'first' || c
FROM generate_series(1, $CONTACTS) c;
ANALYZE contact;
SQL
echo "filled $CONTACTS contacts in $(( $(date +%s) - started )) s" >&2

# the typed side table, filled from the jsonb values
started=$(date +%s)
sql <<SQL
SET switchboard.scope = 'system';
CREATE TABLE field_value (location_id uuid NOT NULL, contact_id uuid NOT NULL, field_id uuid NOT NULL,
                          text_value text, number_value double precision, date_value date, bool_value boolean);
ALTER TABLE field_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE field_value FORCE ROW LEVEL SECURITY;
CREATE POLICY field_value_tenant ON field_value
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
INSERT INTO field_value
SELECT c.location_id, c.id, f.key::uuid,
       CASE WHEN jsonb_typeof(f.value) = 'string' AND f.key NOT IN ('$RENEWAL') THEN f.value #>> '{}' END,
       CASE WHEN jsonb_typeof(f.value) = 'number' THEN (f.value #>> '{}')::double precision END,
       CASE WHEN f.key = '$RENEWAL' THEN (f.value #>> '{}')::date END,
       CASE WHEN jsonb_typeof(f.value) = 'boolean' THEN (f.value #>> '{}')::boolean END
FROM contact c, jsonb_each(c.custom_fields) f;
CREATE INDEX ON field_value (location_id, field_id, text_value);
CREATE INDEX ON field_value (location_id, field_id, number_value);
CREATE INDEX ON field_value (location_id, field_id, date_value);
ANALYZE field_value;
SQL
typed_build=$(( $(date +%s) - started ))

started=$(date +%s)
sql <<SQL
CREATE INDEX contact_seats_expr ON contact (location_id, ((custom_fields ->> '$SEATS')::numeric));
CREATE INDEX contact_renewal_expr ON contact (location_id, (custom_fields ->> '$RENEWAL'));
CREATE INDEX contact_plan_expr ON contact (location_id, (custom_fields ->> '$PLAN'));
ANALYZE contact;
SQL
expr_build=$(( $(date +%s) - started ))

L="location_id = '$LOCATION' AND deleted_at IS NULL"
echo "| condition (ms: under RLS / superuser) | jsonb + GIN | typed side table | expression indexes |"
echo "|---|---|---|---|"
row() { echo "| $1 | $2 | $3 | $4 |"; }
row "plan = gold (1/3)" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND custom_fields @> '{\"$PLAN\": \"gold\"}'")" \
  "$(timed "SELECT count(*) FROM field_value WHERE location_id = '$LOCATION' AND field_id = '$PLAN' AND text_value = 'gold'")" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND custom_fields ->> '$PLAN' = 'gold'")"
row "vip = true (1/10)" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND custom_fields @> '{\"$VIP\": true}'")" \
  "$(timed "SELECT count(*) FROM field_value WHERE location_id = '$LOCATION' AND field_id = '$VIP' AND bool_value")" \
  "n/a"
row "seats > 9900 (1%)" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND (custom_fields ->> '$SEATS')::numeric > 9900")" \
  "$(timed "SELECT count(*) FROM field_value WHERE location_id = '$LOCATION' AND field_id = '$SEATS' AND number_value > 9900")" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND (custom_fields ->> '$SEATS')::numeric > 9900")"
row "renewal in the next 7 days (1%)" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND (custom_fields ->> '$RENEWAL')::date BETWEEN current_date AND current_date + 7")" \
  "$(timed "SELECT count(*) FROM field_value WHERE location_id = '$LOCATION' AND field_id = '$RENEWAL' AND date_value BETWEEN current_date AND current_date + 7")" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND custom_fields ->> '$RENEWAL' BETWEEN current_date::text AND (current_date + 7)::text")"
row "webinar tag (1/3, GIN on tags)" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND tags @> '{webinar}'")" "same" "same"
row "webinar tag AND plan = gold AND seats > 5000" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND tags @> '{webinar}' AND custom_fields @> '{\"$PLAN\": \"gold\"}' AND (custom_fields ->> '$SEATS')::numeric > 5000")" \
  "$(timed "SELECT count(*) FROM contact c WHERE c.$L AND c.tags @> '{webinar}' AND EXISTS (SELECT 1 FROM field_value v WHERE v.location_id = c.location_id AND v.contact_id = c.id AND v.field_id = '$PLAN' AND v.text_value = 'gold') AND EXISTS (SELECT 1 FROM field_value v WHERE v.location_id = c.location_id AND v.contact_id = c.id AND v.field_id = '$SEATS' AND v.number_value > 5000)")" \
  "$(timed "SELECT count(*) FROM contact WHERE $L AND tags @> '{webinar}' AND custom_fields ->> '$PLAN' = 'gold' AND (custom_fields ->> '$SEATS')::numeric > 5000")"
echo
echo "| storage | size |"
echo "|---|---|"
echo "| contact table (with the jsonb values) | $(sql -At -c "SELECT pg_size_pretty(pg_table_size('contact'))") |"
echo "| GIN index on custom_fields | $(sql -At -c "SELECT pg_size_pretty(pg_relation_size('contact_custom_fields_idx'))") |"
echo "| typed side table + 3 indexes | $(sql -At -c "SELECT pg_size_pretty(pg_total_relation_size('field_value'))") (built in ${typed_build} s) |"
echo "| 3 expression indexes | $(sql -At -c "SELECT pg_size_pretty(pg_relation_size('contact_seats_expr') + pg_relation_size('contact_renewal_expr') + pg_relation_size('contact_plan_expr'))") (built in ${expr_build} s) |"
