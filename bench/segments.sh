#!/usr/bin/env bash
# Segment counts over a million contacts, as the platform answers them and as the best hand-written
# SQL does, in the same run, under the same row-level security.
#
# Starts the platform (java -jar switchboard.jar) on a database of the PostgreSQL server that PGHOST,
# PGPORT and PGUSER (a superuser) name, gives its location CONTACTS contacts and the two other
# locations of its agency a tenth each (bench/segment-data.sql: 20 custom fields of mixed types, five
# of 200 skewed tags per contact, 10 % of values empty, opportunities, workflow runs), then for each
# filter below: saves it as a segment, counts it through the API (GET /segments/{id}/count), and runs
# the hand-written SQL through psql as the platform's role in the location's scope. Each is run 3
# times to warm up, then 7 times; the medians are reported. The plans of both are printed after the
# table (the platform's from auto_explain in the server log).
#
# Usage: bench/segments.sh [contacts, default 1000000]        (after ./mvnw -q package -DskipTests)
#   KEEP=1 keeps the database for the next run, which then skips the data (about 25 minutes for a
#   million contacts); the database is switchboard_segments_bench.
# Needs: psql, curl, python3; the server's log readable at PGLOG (default
# /var/log/postgresql/postgresql-15-main.log) for the platform's plans.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
contacts=${1:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
pglog=${PGLOG:-/var/log/postgresql/postgresql-15-main.log}
db=switchboard_segments_bench
role=switchboard_segments_bench
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
api="http://localhost:$port/api/v1"
cleanup() {
  [ -n "${launcher:-}" ] && kill "$launcher" 2>/dev/null && wait "$launcher" 2>/dev/null || true
  if [ "${KEEP:-0}" != 1 ]; then
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  psql -q -d postgres -c "CREATE ROLE $role LOGIN NOSUPERUSER NOBYPASSRLS" -c "CREATE DATABASE $db OWNER $role"
fi
# the platform's slow statements (over 20 ms) and their plans go to the server log
psql -q -d postgres -c "ALTER ROLE $role SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER ROLE $role SET auto_explain.log_min_duration = 20" >/dev/null

(cd "$work" && SWITCHBOARD_PORT=$port SWITCHBOARD_BOOTSTRAP_ADMIN_PASSWORD=bench-password \
  SWITCHBOARD_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$role" \
  exec java -jar "$root/platform/launcher/target/switchboard.jar" >> "$work/platform.log" 2>&1) &
launcher=$!
until curl -sf "$api/health" > /dev/null; do sleep 0.5; done
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@localhost","password":"bench-password"}' | json 'd["token"]')
location=$(curl -sf "$api/me" -H "Authorization: Bearer $token" | json 'd["locations"][0]["id"]')
agency=$(psql -d "$db" -Atc "SET switchboard.scope = 'system'; SELECT agency_id FROM location WHERE id = '$location'" | tail -1)
have=$(psql -d "$db" -Atc "SET switchboard.scope = 'system'; SELECT count(*) FROM contact WHERE location_id = '$location'" | tail -1)
if [ "$have" -lt "$contacts" ]; then
  echo "generating $contacts contacts (and $((contacts / 5)) in two other locations)..." >&2
  started=$(date +%s)
  PGUSER=$role psql -q -d "$db" -v contacts="$contacts" -v location="$location" -v agency="$agency" \
    -f "$root/bench/segment-data.sql" > /dev/null
  psql -q -d "$db" -c "VACUUM ANALYZE" 2>/dev/null
  echo "generated in $(( $(date +%s) - started )) s" >&2
fi

kill -0 "$launcher" 2>/dev/null || { echo "the platform stopped; its log:" >&2; tail -40 "$work/platform.log" >&2; exit 1; }
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@localhost","password":"bench-password"}' | json 'd["token"]')
field() { psql -d "$db" -Atc "SET switchboard.scope = 'system'; SELECT id FROM custom_field WHERE location_id = '$location' AND field_key = '$1'" | tail -1; }
SEATS=$(field seats); RENEWAL=$(field renewal); PLAN=$(field plan); VIP=$(field vip); NICK=$(field nickname)
INTERESTS=$(field interests); INDUSTRY=$(field industry)
PIPELINE=$(psql -d "$db" -Atc "SET switchboard.scope = 'system'; SELECT id FROM pipeline WHERE location_id = '$location'" | tail -1)
today=$(psql -d "$db" -Atc "SET switchboard.scope = 'system'; SELECT (now() AT TIME ZONE timezone)::date FROM location WHERE id = '$location'" | tail -1)
L="'$location'"
tag() { echo "SELECT t.contact_id FROM contact_tag_index t WHERE t.location_id = $L AND t.tag = '$1'"; }
value() { echo "SELECT v.owner_id FROM custom_field_value v WHERE v.location_id = $L AND v.field_id = '$1' AND $2"; }
live="c.location_id = $L AND c.deleted_at IS NULL"

# name | filter | best hand-written SQL (a count)
cases=(
"tag AND number range AND relative date (the target)|{\"all\": [{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"tag-010\"]}, {\"type\": \"customField\", \"field\": \"seats\", \"operator\": \"between\", \"value\": [1000, 3000]}, {\"type\": \"customField\", \"field\": \"renewal\", \"operator\": \"inLast\", \"value\": {\"amount\": 30, \"unit\": \"days\"}}]}|SELECT count(*) FROM contact c JOIN ($(tag tag-010)) t ON t.contact_id = c.id JOIN ($(value "$SEATS" "v.number_value BETWEEN 1000 AND 3000")) s ON s.owner_id = c.id JOIN ($(value "$RENEWAL" "v.date_value BETWEEN date '$today' - 30 AND date '$today'")) r ON r.owner_id = c.id WHERE $live"
"one common tag (47 % of contacts)|{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"tag-000\"]}|SELECT count(*) FROM contact c WHERE $live AND c.id IN ($(tag tag-000))"
"OR: a rare tag or an option|{\"any\": [{\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"tag-150\"]}, {\"type\": \"customField\", \"field\": \"plan\", \"operator\": \"equals\", \"value\": \"platinum\"}]}|SELECT count(*) FROM contact c WHERE $live AND c.id IN ($(tag tag-150) UNION $(value "$PLAN" "v.text_value = 'platinum'"))"
"NOT: VIP without the common tag|{\"all\": [{\"type\": \"customField\", \"field\": \"vip\", \"operator\": \"equals\", \"value\": true}, {\"not\": {\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"tag-000\"]}}]}|SELECT count(*) FROM contact c WHERE $live AND c.id IN ($(value "$VIP" "v.bool_value")) AND NOT EXISTS (SELECT 1 FROM contact_tag_index t WHERE t.location_id = $L AND t.tag = 'tag-000' AND t.contact_id = c.id)"
"text contains (custom text)|{\"type\": \"customField\", \"field\": \"nickname\", \"operator\": \"contains\", \"value\": \"abc\"}|SELECT count(*) FROM contact c WHERE $live AND strpos(lower(c.custom_fields ->> '$NICK'), 'abc') > 0"
"standard texts: first name starts with AND city|{\"all\": [{\"type\": \"field\", \"field\": \"firstName\", \"operator\": \"startsWith\", \"value\": \"gra\"}, {\"type\": \"field\", \"field\": \"city\", \"operator\": \"equals\", \"value\": \"chicago\"}]}|SELECT count(*) FROM contact c WHERE $live AND starts_with(lower(c.first_name), 'gra') AND lower(c.city) = 'chicago'"
"opportunity join: won, value over 15,000|{\"type\": \"opportunity\", \"pipeline\": \"$PIPELINE\", \"status\": \"won\", \"value\": {\"operator\": \"greater\", \"value\": 15000}}|SELECT count(*) FROM contact c WHERE $live AND c.id IN (SELECT o.contact_id FROM opportunity o WHERE o.location_id = $L AND o.pipeline_id = '$PIPELINE' AND o.status = 'WON' AND o.monetary_value > 15000)"
"empty check: no renewal date|{\"type\": \"customField\", \"field\": \"renewal\", \"operator\": \"isEmpty\"}|SELECT count(*) FROM contact c WHERE $live AND NOT EXISTS (SELECT 1 FROM custom_field_value v WHERE v.location_id = $L AND v.field_id = '$RENEWAL' AND v.owner_id = c.id AND v.date_value IS NOT NULL)"
"birthday in the next 7 days|{\"type\": \"field\", \"field\": \"dateOfBirth\", \"operator\": \"anniversaryInNext\", \"value\": {\"amount\": 7, \"unit\": \"days\"}}|SELECT count(*) FROM contact c WHERE $live AND to_char(c.date_of_birth, 'MMDD') BETWEEN to_char(date '$today', 'MMDD') AND to_char(date '$today' + 7, 'MMDD')"
"created in the last 7 days|{\"type\": \"field\", \"field\": \"createdAt\", \"operator\": \"inLast\", \"value\": {\"amount\": 7, \"unit\": \"days\"}}|SELECT count(*) FROM contact c WHERE $live AND c.created_at >= (date '$today' - 7)::timestamp AT TIME ZONE (SELECT timezone FROM location WHERE id = $L)"
"multiple options AND single option|{\"all\": [{\"type\": \"customField\", \"field\": \"interests\", \"operator\": \"in\", \"value\": [\"video\", \"print\"]}, {\"type\": \"customField\", \"field\": \"industry\", \"operator\": \"equals\", \"value\": \"tech\"}]}|SELECT count(*) FROM contact c WHERE $live AND c.id IN (SELECT i.owner_id FROM custom_field_value i JOIN custom_field_value d ON d.owner_id = i.owner_id AND d.location_id = $L AND d.field_id = '$INDUSTRY' AND d.text_value = 'tech' WHERE i.location_id = $L AND i.field_id = '$INTERESTS' AND i.text_value IN ('video', 'print'))"
)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
scope="SET switchboard.scope = 'location'; SET switchboard.location_id = '$location'; SET work_mem = '64MB';"
log_start=$( [ -r "$pglog" ] && wc -c < "$pglog" || echo 0)
echo "| filter | contacts | platform (API) ms | hand-written SQL ms | ratio |"
echo "|---|---|---|---|---|"
plans=()
for case in "${cases[@]}"; do
  IFS='|' read -r name filter sql <<< "$case"
  body=$(python3 -c "import json,sys; print(json.dumps({'name': sys.argv[1][:100], 'filter': json.loads(sys.argv[2])}))" "$name $RANDOM" "$filter")
  created=$(curl -s "$api/locations/$location/segments" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")
  segment=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id", ""))' 2>/dev/null || true)
  [ -n "$segment" ] || { echo "the segment '$name' was not created: $created" >&2; tail -20 "$work/platform.log" >&2; exit 1; }
  for _ in 1 2 3; do curl -s -o /dev/null "$api/locations/$location/segments/$segment/count" -H "Authorization: Bearer $token"; done
  platform=$(for _ in 1 2 3 4 5 6 7; do curl -s -o /dev/null -w '%{time_total}\n' "$api/locations/$location/segments/$segment/count" \
    -H "Authorization: Bearer $token"; done | awk '{printf "%.1f\n", $1 * 1000}' | median)
  count=$(curl -s "$api/locations/$location/segments/$segment/count" -H "Authorization: Bearer $token" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("count", d.get("detail")))')
  hand=$(for _ in 1 2 3 4 5 6 7 8 9 10; do
      PGUSER=$role psql -X -q -d "$db" -c "$scope" -c '\timing on' -c "/* hand */ $sql" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
    done | tail -7 | median)
  hand_count=$(PGUSER=$role psql -X -q -At -d "$db" -c "$scope" -c "$sql" | tail -1)
  ratio=$(awk -v a="$platform" -v b="$hand" 'BEGIN {printf "%.2f", a / b}')
  check=$([ "$count" = "$hand_count" ] && echo "" || echo " (hand-written counted $hand_count)")
  echo "| $name | $count$check | $platform | $hand | $ratio |"
  plans+=("### $name
Filter: \`$filter\`

Hand-written:
\`\`\`
$(PGUSER=$role psql -X -q -At -d "$db" -c "$scope" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $sql" | grep -v -E 'InitPlan|Result \(actual|Filter: \(\$' )
\`\`\`")
done
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $(psql -d postgres -Atc 'SHOW server_version'); $(date -u +%Y-%m-%d)."
echo
for plan in "${plans[@]}"; do echo "$plan"; echo; done
if [ -r "$pglog" ]; then
  echo "### The platform's plans (auto_explain, one per filter, the last run)"
  echo '```'
  tail -c +"$((log_start + 1))" "$pglog" | python3 -c '
import sys, re
text = sys.stdin.read()
# each auto_explain entry: "duration: ... plan:\n Query Text: ...\n <plan lines>"
entries = re.split(r"\n(?=\S.*LOG:  duration)", text)
last = {}
for e in entries:
    if "Query Text:" not in e or "/* hand */" in e or "count(*) FROM contact c" not in e:
        continue
    q = re.search(r"Query Text: (.*)", e).group(1)
    last[q] = e
for e in last.values():
    print(e.strip()); print()
'
  echo '```'
fi
