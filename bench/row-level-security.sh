#!/usr/bin/env bash
# What row-level security costs a query. Builds the platform's schema (its Flyway migrations, applied
# in order with psql) in a scratch database, fills 200 locations with 1,000 contacts each, and runs
# the same pgbench scripts twice: as the platform's role, under the policies in a location's scope,
# and as a superuser, whom the policies do not touch. Needs a PostgreSQL server and its client tools
# (psql, pgbench); PGHOST, PGPORT and PGUSER (a superuser) choose it, as for any PostgreSQL client.
#   bench/row-level-security.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
DB=switchboard_rls_bench_$$
ROLE=switchboard_rls_bench_$$
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d)
cleanup() {
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

psql -q -d postgres -c "CREATE ROLE $ROLE LOGIN NOSUPERUSER NOBYPASSRLS" -c "CREATE DATABASE $DB OWNER $ROLE"
for migration in platform/core/src/main/resources/db/migration/V*.sql; do
  PGUSER=$ROLE psql -q -v ON_ERROR_STOP=1 -d "$DB" -c "SET switchboard.scope = 'system'" -f "$migration" >/dev/null
done
PGUSER=$ROLE psql -q -v ON_ERROR_STOP=1 -d "$DB" <<'SQL'
SET switchboard.scope = 'system';
INSERT INTO agency (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'Bench');
INSERT INTO location (id, agency_id, name)
SELECT ('00000000-0000-0000-0001-' || lpad(to_hex(l), 12, '0'))::uuid, '00000000-0000-0000-0000-000000000001', 'L' || l
FROM generate_series(1, 200) l;
INSERT INTO contact (id, location_id, first_name, last_name, email)
SELECT gen_random_uuid(), ('00000000-0000-0000-0001-' || lpad(to_hex(1 + c % 200), 12, '0'))::uuid,
       'First' || c, 'Last' || c, 'c' || c || '@bench.test'
FROM generate_series(1, 200000) c;
UPDATE contact SET tags = '{lead}' WHERE random() < 0.3;
ANALYZE;
SQL
LOCATION=00000000-0000-0000-0001-000000000007

# the queries the platform runs: a contact by id, a location's newest contacts with their tags, a count
cat > "$WORK/by-id.sql" <<SQL
\set n random(1, 200000)
SELECT c.id, c.first_name FROM contact c WHERE c.location_id = '$LOCATION' AND c.email = 'c' || :n || '@bench.test';
SQL
cat > "$WORK/page.sql" <<SQL
SELECT c.id, c.first_name, c.tags FROM contact c
WHERE c.location_id = '$LOCATION' AND c.deleted_at IS NULL ORDER BY c.created_at DESC, c.id DESC LIMIT 50;
SQL
cat > "$WORK/count.sql" <<SQL
SELECT count(*) FROM contact c WHERE c.location_id = '$LOCATION' AND c.deleted_at IS NULL AND c.tags @> '{lead}';
SQL
PGUSER=$ROLE psql -q -d "$DB" -c "CREATE INDEX ON contact (location_id, email)" >/dev/null

run() { # role, scope options, script
  PGOPTIONS="$2" PGUSER=$1 pgbench -n -c 2 -j 2 -T "$SECONDS_PER_RUN" -f "$WORK/$3" "$DB" 2>/dev/null \
    | awk '/^tps/ {printf "%.0f", $3} /latency average/ {lat=$4} END {printf " tps, %s ms", lat}'
}
SCOPE="-c switchboard.scope=location -c switchboard.location_id=$LOCATION"
echo "| query | under row-level security (platform role, location scope) | without (superuser) |"
echo "|---|---|---|"
for script in by-id page count; do
  echo "| $script | $(run "$ROLE" "$SCOPE" "$script.sql") | $(run "$PGUSER" "" "$script.sql") |"
done
