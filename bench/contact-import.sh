#!/usr/bin/env bash
# Contact import from a file, through the HTTP API, as a user runs it: a platform started by its launcher
# (embedded PostgreSQL, durable) with the server at -Xmx512m; a CSV file shaped like GoHighLevel's contact
# export (bench/ContactImportData.java: 20 custom fields of mixed types, 5 tags per row out of 200, 10 %
# empty cells) uploaded with curl, then imported with its suggested mapping into a location whose duplicate
# policy matches on email (the default) and whose contacts have all their indexes. Prints the upload's and
# the import's rows/s, the server's resident memory (VmRSS from /proc, sampled every second) during both,
# and, for scale, a raw COPY of the same file into a plain table (text columns, no index) of the same
# database in the same run, and the import's own writes made by PostgreSQL alone (50,000 of the imported
# contacts inserted again by INSERT … SELECT under the same triggers and indexes, rolled back): the bound an
# import can approach on the machine. Results: docs/benchmarks.md#contact-import-from-a-file.
#
#   ./mvnw -q install -DskipTests && bench/contact-import.sh [rows (default 1000000)] [batch rows (default: the platform's)]
#
# With BENCH_UPLOAD_ONLY=1 it uploads the file and stops there (a 1 GB file: 2,100,000 rows).
set -euo pipefail

ROWS=${1:-1000000}
BATCH=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/target/contact-import-bench
JAR=$ROOT/platform/launcher/target/switchboard.jar
PORT=${SWITCHBOARD_BENCH_PORT:-18481}
API=http://localhost:$PORT/api/v1
PASSWORD=bench-$RANDOM$RANDOM

[ -f "$JAR" ] || { echo "build first: ./mvnw -q install -DskipTests" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
echo "generating $ROWS rows"
java "$ROOT/bench/ContactImportData.java" "$ROWS" "$WORK/contacts.csv"
BYTES=$(stat -c %s "$WORK/contacts.csv")

(cd "$WORK" && SWITCHBOARD_PORT=$PORT SWITCHBOARD_JAVA_OPTS=-Xmx512m SWITCHBOARD_BOOTSTRAP_ADMIN_EMAIL=bench@localhost \
  SWITCHBOARD_BOOTSTRAP_ADMIN_PASSWORD=$PASSWORD ${BATCH:+SWITCHBOARD_IMPORTS_BATCH_ROWS=$BATCH} \
  exec java -jar "$JAR" > platform.log 2>&1) &
LAUNCHER=$!
stop() { kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true; }
trap stop EXIT
until curl -sf "$API/health" > /dev/null; do
  kill -0 "$LAUNCHER" 2>/dev/null || { echo "the platform did not start; see $WORK/platform.log" >&2; exit 1; }
  sleep 1
done
# the launcher starts the server as a child of a child: look among all its descendants
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
SERVER=$(for pid in $(descendants "$LAUNCHER"); do grep -q 'ServerMain' "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"; done | head -1)
[ -n "$SERVER" ] || { echo "no server process under the launcher $LAUNCHER" >&2; exit 1; }
echo "server process $SERVER: $(tr '\0' ' ' < "/proc/$SERVER/cmdline" | grep -o -- '-Xmx[^ ]*') $(tr '\0' ' ' < "/proc/$SERVER/cmdline" | grep -o 'dev.switchboard[^ ]*')"

TOKEN=$(curl -sf "$API/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@localhost\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
LOCATION=$(curl -sf "$API/me" -H "$AUTH" | sed 's/.*"locations":\[{[^}]*"id":"\([^"]*\)".*/\1/')
java "$ROOT/bench/ContactImportData.java" --fields | while read -r FIELD; do
  curl -sf "$API/locations/$LOCATION/custom-fields" -H "$AUTH" -H 'Content-Type: application/json' -d "$FIELD" > /dev/null
done

# the server's resident memory, sampled every second into a file, while the upload and the import run
sample() { while kill -0 "$SERVER" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$SERVER/status" >> "$1"; sleep 1; done; }
max_mib() { sort -n "$1" | tail -1 | awk '{printf "%d", $1 / 1024}'; }
RSS_BEFORE=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$SERVER/status")

sample "$WORK/rss-upload" & SAMPLER=$!
T0=$(date +%s.%N)
curl -sf "$API/locations/$LOCATION/import-files?name=contacts.csv" -H "$AUTH" -H 'Content-Type: text/csv' \
  --data-binary "@$WORK/contacts.csv" -o "$WORK/file.json"
T1=$(date +%s.%N)
kill "$SAMPLER"
FILE=$(sed 's/^{"id":"\([^"]*\)".*/\1/' "$WORK/file.json")
if [ "${BENCH_UPLOAD_ONLY:-}" = 1 ]; then
  awk -v rows="$ROWS" -v bytes="$BYTES" -v t0="$T0" -v t1="$T1" -v up="$(max_mib "$WORK/rss-upload")" -v before="$RSS_BEFORE" 'BEGIN {
    printf "upload:  %d rows, %.1f MiB in %.1f s (%.1f MiB/s); server RSS max %d MiB (before %d MiB)\n", rows, bytes / 1048576, t1 - t0, bytes / 1048576 / (t1 - t0), up, before }'
  grep -o '"rows":[0-9]*' "$WORK/file.json"
  exit 0
fi

sample "$WORK/rss-import" & SAMPLER=$!
T2=$(date +%s.%N)
JOB=$(curl -sf "$API/locations/$LOCATION/imports" -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"file\":\"$FILE\",\"duplicates\":\"update\"}" | sed 's/^{"id":"\([^"]*\)".*/\1/')
while curl -sf "$API/locations/$LOCATION/jobs/$JOB" -H "$AUTH" -o "$WORK/job.json" && grep -q '"status":"\(QUEUED\|RUNNING\)"' "$WORK/job.json"; do
  sleep 0.5
done
T3=$(date +%s.%N)
kill "$SAMPLER"
grep -q '"status":"SUCCEEDED"' "$WORK/job.json" || { echo "the import did not succeed:" >&2; cat "$WORK/job.json" >&2; exit 1; }

# the same file copied raw into a plain table of the same database, by psql's \copy
DB_URL=$(sed -n 's/^switchboard.db.url=//p' "$WORK/data/server.properties" | sed 's/\\:/:/g')
DB_USER=$(sed -n 's/^switchboard.db.user=//p' "$WORK/data/server.properties")
DB_PASSWORD=$(sed -n 's/^switchboard.db.password=//p' "$WORK/data/server.properties")
HOSTPORT=$(echo "$DB_URL" | sed 's#jdbc:postgresql://\([^/]*\)/.*#\1#')
DB_NAME=$(echo "$DB_URL" | sed 's#jdbc:postgresql://[^/]*/\([^?]*\).*#\1#')
COLUMNS=$(head -1 "$WORK/contacts.csv" | tr ',' '\n' | awk '{printf "%sc%d text", (NR > 1 ? ", " : ""), NR}')
export PGPASSWORD=$DB_PASSWORD
PSQL=(psql -q -h "${HOSTPORT%:*}" -p "${HOSTPORT#*:}" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1)
"${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_raw_copy" -c "CREATE TABLE bench_raw_copy ($COLUMNS)"
T4=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy bench_raw_copy FROM '$WORK/contacts.csv' WITH (FORMAT csv, HEADER true)"
T5=$(date +%s.%N)
"${PSQL[@]}" -c "DROP TABLE bench_raw_copy"
# and the writes the import makes, made by PostgreSQL alone: SAME_ROWS of the imported contacts inserted
# again (new ids, still ascending; emails changed) with one INSERT … SELECT from a temporary table under the
# same triggers, indexes and policies, with their history rows, in batches of the import's size; rolled back
SAME_ROWS=$(( ROWS < 50000 ? ROWS : 50000 ))
SAME_BATCH=${BATCH:-5000}
COLUMNS_WRITTEN="id, first_name, last_name, name, email, additional_emails, phone, additional_phones, company_name, address1, city, state, postal_code, country, timezone, website, date_of_birth, source, tags, dnd, custom_fields, search_text, created_at"
SAME_SQL="BEGIN;
SET LOCAL switchboard.scope = 'system';
CREATE TEMP TABLE bench_same AS SELECT row_number() OVER (ORDER BY c.id) AS n, overlay(c.id::text PLACING 'ffffffff' FROM 1 FOR 8)::uuid AS id,
  first_name, last_name, name, 'again.' || email AS email, additional_emails, phone, additional_phones, company_name, address1, city,
  state, postal_code, country, timezone, website, date_of_birth, source, tags, dnd, custom_fields, search_text, created_at
  FROM contact c WHERE c.location_id = '$LOCATION' ORDER BY c.id LIMIT $SAME_ROWS;
SELECT clock_timestamp() AS started \\gset"
for ((FROM = 0; FROM < SAME_ROWS; FROM += SAME_BATCH)); do
  SAME_SQL+="
INSERT INTO contact (location_id, updated_at, $COLUMNS_WRITTEN) SELECT '$LOCATION', now(), $COLUMNS_WRITTEN FROM bench_same WHERE n > $FROM AND n <= $((FROM + SAME_BATCH));
INSERT INTO change_record (id, location_id, change_id, subject_type, subject_id, contact_id, actor_type, actor_id, field, before_value, after_value, changed_at)
  SELECT gen_random_uuid(), '$LOCATION', gen_random_uuid(), 'CONTACT', id, id, 'SYSTEM', NULL, 'created', NULL, to_jsonb(name), now() FROM bench_same WHERE n > $FROM AND n <= $((FROM + SAME_BATCH));"
done
SAME_SQL+="
SELECT extract(epoch FROM clock_timestamp() - :'started');
ROLLBACK;"
SAME_SECONDS=$(printf '%s\n' "$SAME_SQL" | "${PSQL[@]}" -At | grep -E '^[0-9.]+$' | tail -1)
CONTACTS=$("${PSQL[@]}" -At -c "SELECT set_config('switchboard.scope', 'system', false)" -c "SELECT count(*) FROM contact WHERE location_id = '$LOCATION'" | tail -1)

awk -v rows="$ROWS" -v bytes="$BYTES" -v t0="$T0" -v t1="$T1" -v t2="$T2" -v t3="$T3" -v t4="$T4" -v t5="$T5" \
    -v contacts="$CONTACTS" -v before="$RSS_BEFORE" -v up="$(max_mib "$WORK/rss-upload")" -v imp="$(max_mib "$WORK/rss-import")" \
    -v same_rows="$SAME_ROWS" -v same_batch="$SAME_BATCH" -v same="$SAME_SECONDS" -v result="$(sed 's/.*"result":\({[^}]*}\).*/\1/' "$WORK/job.json")" -v batch="${BATCH:-default}" 'BEGIN {
  upload = t1 - t0; import = t3 - t2; copy = t5 - t4
  printf "file:    %d rows, %.1f MiB (%d bytes/row); batch rows: %s\n", rows, bytes / 1048576, bytes / rows, batch
  printf "upload:  %.1f s, %.0f rows/s, %.1f MiB/s; server RSS max %d MiB (before %d MiB)\n", upload, rows / upload, bytes / 1048576 / upload, up, before
  printf "import:  %.1f s, %.0f rows/s; server RSS max %d MiB; result %s; %d contacts\n", import, rows / import, imp, result, contacts
  printf "raw COPY of the same file into a plain table: %.1f s, %.0f rows/s; the import runs at %.2f of it\n", copy, rows / copy, copy / import
  printf "the same writes by PostgreSQL alone (%d contacts inserted again from a temporary table, batches of %s): %.1f s, %.0f rows/s; the import runs at %.2f of it\n", same_rows, same_batch, same, same_rows / same, (rows / import) / (same_rows / same)
}'
