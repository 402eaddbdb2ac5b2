#!/usr/bin/env bash
# Workflow engine speed, through the HTTP API, as a user runs it: a platform started by its launcher
# (embedded PostgreSQL, durable), contacts imported from files, workflows published, then three
# measurements (results: docs/benchmarks.md#workflows):
#
# 1. Trigger to first action: TRIGGERED contacts are tagged through the API (PARALLEL requests at a
#    time, from one Node process on kept-alive connections: bench/tag-contacts.mjs); each tag starts a
#    workflow whose first step is a built-in action that does no I/O (workflow.set_variable). Rate =
#    TRIGGERED / (last step completed - first tag event), with the per-run latency from its event to its
#    step. For scale, the raw engine (bench/RawEngine.java: Flowable alone on the same PostgreSQL, the same
#    history level, an asynchronous start and one task) starts the same number of instances in the same run.
# 2. Timers: TIMERS runs wait for one timer due at the same moment; the time from that moment until the
#    last of them has fired and made its step.
# 3. Reply waits: WAITING runs wait for an event of their contact (the tag bench-reply added, standing in
#    for a reply: the same correlation by contact as conversation.message_received) or a 30-day timeout.
#    The engine's lookup of one contact's waiting runs (EXPLAIN ANALYZE of the query EventWaits runs), and
#    for SAMPLES contacts the time from the event to the run's next step entered and made. With
#    BENCH_PAD_WAITING_TO=N the engine's tables are first padded to N waiting runs with copies of one
#    (new ids, other contacts): the tables the lookup reads at that size, without starting N runs.
#
#   ./mvnw -q install -DskipTests && bench/workflow-throughput.sh [TRIGGERED (20000)] [TIMERS (10000)] [WAITING (100000)]
set -euo pipefail

TRIGGERED=${1:-20000}
TIMERS=${2:-10000}
WAITING=${3:-100000}
SAMPLES=20
PARALLEL=${BENCH_PARALLEL:-8}
# pads the reply waits to this many (see 3.); 0 for none
PAD_WAITING_TO=${BENCH_PAD_WAITING_TO:-0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/target/workflow-bench
JAR=$ROOT/platform/launcher/target/switchboard.jar
PORT=${SWITCHBOARD_BENCH_PORT:-18482}
API=http://localhost:$PORT/api/v1
PASSWORD=bench-$RANDOM$RANDOM

[ -f "$JAR" ] || { echo "build first: ./mvnw -q install -DskipTests" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
(cd "$ROOT" && ./mvnw -q -o dependency:build-classpath -pl bpmn -Dmdep.outputFile="$WORK/engine.classpath" > /dev/null)
(cd "$ROOT" && ./mvnw -q -o dependency:build-classpath -pl platform/core -Dmdep.includeArtifactIds=postgresql \
  -Dmdep.outputFile="$WORK/driver.classpath" > /dev/null)

(cd "$WORK" && SWITCHBOARD_PORT=$PORT SWITCHBOARD_BOOTSTRAP_ADMIN_EMAIL=bench@localhost \
  SWITCHBOARD_BOOTSTRAP_ADMIN_PASSWORD=$PASSWORD SWITCHBOARD_WORKFLOWS_MAX_RUNS_IN_FLIGHT_PER_LOCATION=1000000 \
  exec java -jar "$JAR" > platform.log 2>&1) &
LAUNCHER=$!
stop() { kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null || true; }
trap stop EXIT
until curl -sf "$API/health" > /dev/null; do
  kill -0 "$LAUNCHER" 2>/dev/null || { echo "the platform did not start; see $WORK/platform.log" >&2; exit 1; }
  sleep 1
done
TOKEN=$(curl -sf "$API/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@localhost\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
LOCATION=$(curl -sf "$API/me" -H "$AUTH" | sed 's/.*"locations":\[{[^}]*"id":"\([^"]*\)".*/\1/')

DB_URL=$(sed -n 's/^switchboard.db.url=//p' "$WORK/data/server.properties" | sed 's/\\:/:/g')
DB_USER=$(sed -n 's/^switchboard.db.user=//p' "$WORK/data/server.properties")
DB_PASSWORD=$(sed -n 's/^switchboard.db.password=//p' "$WORK/data/server.properties")
HOSTPORT=$(echo "$DB_URL" | sed 's#jdbc:postgresql://\([^/]*\)/.*#\1#')
DB_NAME=$(echo "$DB_URL" | sed 's#jdbc:postgresql://[^/]*/\([^?]*\).*#\1#')
export PGPASSWORD=$DB_PASSWORD
PSQL=(psql -q -At -h "${HOSTPORT%:*}" -p "${HOSTPORT#*:}" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1)
# a query across the location's rows, in the platform's system scope (row-level security)
sql() { "${PSQL[@]}" -c "SELECT set_config('switchboard.scope', 'system', false)" -c "$1" | tail -n +2; }
api() { curl -sf "$API/locations/$LOCATION/$1" -H "$AUTH" "${@:2}"; }
await() { # await <what> <sql returning a count> <target> <timeout s>
  local deadline=$((SECONDS + $4)) n
  while n=$(sql "$2"); [ "$n" -lt "$3" ]; do
    [ $SECONDS -lt $deadline ] || { echo "$1: $n of $3 after $4 s" >&2; exit 1; }
    sleep 0.2
  done
}
drain() { await "events delivered" "SELECT $((1 << 30)) - count(*) FROM event_delivery WHERE status IN ('PENDING', 'CLAIMED')" $((1 << 30)) 1800; }

# contacts, in three groups, imported from files with a tag for each group
import_group() { # import_group <count> <prefix> <tag>
  awk -v n="$1" -v p="$2" 'BEGIN { print "Email,First Name"; for (i = 1; i <= n; i++) printf "%s%d@bench.test,B%d\n", p, i, i }' > "$WORK/$2.csv"
  local file job
  file=$(api "import-files?name=$2.csv" -H 'Content-Type: text/csv' --data-binary "@$WORK/$2.csv" | sed 's/^{"id":"\([^"]*\)".*/\1/')
  job=$(api imports -H 'Content-Type: application/json' \
    -d "{\"file\":\"$file\",\"duplicates\":\"create\",\"tags\":[\"$3\"]}" | sed 's/^{"id":"\([^"]*\)".*/\1/')
  while api "jobs/$job" -o "$WORK/job.json" && grep -q '"status":"\(QUEUED\|RUNNING\)"' "$WORK/job.json"; do sleep 1; done
  grep -q '"status":"SUCCEEDED"' "$WORK/job.json" || { cat "$WORK/job.json" >&2; exit 1; }
}
echo "importing $TRIGGERED + $TIMERS + $WAITING contacts"
import_group "$TRIGGERED" t grp-trigger
import_group "$TIMERS" m grp-timer
import_group "$WAITING" w grp-wait
publish() { api workflows -H 'Content-Type: application/xml' --data-binary "$1" > /dev/null; }
bulk() { # bulk <json of the action and options> <group tag>
  api bulk-actions -H 'Content-Type: application/json' \
    -d "{$1, \"filter\": {\"type\": \"tag\", \"operator\": \"hasAny\", \"value\": [\"$2\"]}}" > /dev/null
}
HEAD='<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sb="https://switchboard.dev/schema/bpmn" targetNamespace="bench">'
STEP='<serviceTask id="act" sb:action="workflow.set_variable"><extensionElements><sb:input name="name">done</sb:input><sb:input name="value">yes</sb:input></extensionElements></serviceTask>'
steps_done() { echo "SELECT count(*) FROM action_execution a JOIN workflow_run r ON r.id = a.run_id WHERE r.workflow_key = '$1' AND a.status = 'COMPLETED'"; }
drain

# 1. trigger to first action
publish "$HEAD<process id=\"bench-trigger\" isExecutable=\"true\"><startEvent id=\"start\"><extensionElements><sb:trigger event=\"contact.tag_added\"><sb:match field=\"tag\" value=\"bench-go\"/></sb:trigger></extensionElements></startEvent><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"act\"/>$STEP<sequenceFlow id=\"f2\" sourceRef=\"act\" targetRef=\"end\"/><endEvent id=\"end\"/></process></definitions>"
echo "1. tagging $TRIGGERED contacts through the API, $PARALLEL requests at a time; each tag starts a workflow"
sql "SELECT id FROM contact WHERE location_id = '$LOCATION' AND email LIKE 't%@bench.test'" > "$WORK/trigger-contacts"
node "$ROOT/bench/tag-contacts.mjs" "$API" "$TOKEN" "$LOCATION" "$WORK/trigger-contacts" bench-go "$PARALLEL" | sed 's/^/   /'
await "first steps made" "$(steps_done bench-trigger)" "$TRIGGERED" 1800
TRIGGER=$(sql "WITH e AS (SELECT id, occurred_at FROM domain_event WHERE type = 'contact.tag_added' AND payload->>'tag' = 'bench-go'),
  s AS (SELECT a.finished_at - e.occurred_at AS latency, a.finished_at, e.occurred_at FROM e JOIN workflow_run r ON r.event_id = e.id
        JOIN action_execution a ON a.run_id = r.id AND a.status = 'COMPLETED')
  SELECT count(*), extract(epoch FROM max(finished_at) - min(occurred_at)),
    extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY latency)) * 1000,
    extract(epoch FROM percentile_cont(0.95) WITHIN GROUP (ORDER BY latency)) * 1000,
    extract(epoch FROM (SELECT max(occurred_at) - min(occurred_at) FROM e)) FROM s")
echo "$TRIGGER" | awk -F'|' '{ printf "   %d runs: first tag event to last first step %.1f s = %.0f workflows/s; event to step p50 %.0f ms, p95 %.0f ms; the tagging itself took %.1f s\n", $1, $2, $1 / $2, $3, $4, $5 }'
"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS bench_raw CASCADE" -c "CREATE SCHEMA bench_raw" > /dev/null
RAW=$(java -cp "$(cat "$WORK/engine.classpath"):$(cat "$WORK/driver.classpath")" "$ROOT/bench/RawEngine.java" \
  "jdbc:postgresql://$HOSTPORT/$DB_NAME?currentSchema=bench_raw" "$DB_USER" "$DB_PASSWORD" "$TRIGGERED" bench_raw 2> "$WORK/raw.log" | tail -1)
echo "   $RAW"
echo "$TRIGGER|$RAW" | awk -F'|' '{ split($6, raw, ", "); n = split(raw[3], r, " "); printf "   the platform runs at %.2f of the raw engine\n", ($1 / $2) / r[1] }'
drain

# 2. timers due at the same moment
DUE_EPOCH=$(( $(date +%s) + 60 + TIMERS / 50 ))
DUE=$(date -u -d "@$DUE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
publish "$HEAD<process id=\"bench-timers\" isExecutable=\"true\"><startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"due\"/><intermediateCatchEvent id=\"due\"><timerEventDefinition><timeDate>$DUE</timeDate></timerEventDefinition></intermediateCatchEvent><sequenceFlow id=\"f2\" sourceRef=\"due\" targetRef=\"act\"/>$STEP<sequenceFlow id=\"f3\" sourceRef=\"act\" targetRef=\"end\"/><endEvent id=\"end\"/></process></definitions>"
echo "2. $TIMERS runs waiting for a timer due at $DUE"
bulk '"action": "startWorkflow", "options": {"workflow": "bench-timers"}' grp-timer
await "timers waiting" "SELECT count(*) FROM act_ru_timer_job WHERE proc_def_id_ LIKE 'bench-timers:%'" "$TIMERS" $((DUE_EPOCH - $(date +%s) - 1))
await "timers fired and their steps made" "$(steps_done bench-timers)" "$TIMERS" 600
sql "SELECT count(*), extract(epoch FROM max(a.finished_at) - '$DUE'::timestamptz), extract(epoch FROM min(a.created_at) - '$DUE'::timestamptz)
     FROM action_execution a JOIN workflow_run r ON r.id = a.run_id WHERE r.workflow_key = 'bench-timers' AND a.status = 'COMPLETED'" |
  awk -F'|' '{ printf "   %d timers: the first step entered %.1f s after the due time, the last made %.1f s after it\n", $1, $3, $2 }'
drain

# 3. reply waits
publish "$HEAD<message id=\"replyMessage\" name=\"contact.tag_added\"/><process id=\"bench-wait\" isExecutable=\"true\"><startEvent id=\"start\"><extensionElements><sb:trigger event=\"contact.tag_added\"><sb:match field=\"tag\" value=\"bench-wait\"/></sb:trigger></extensionElements></startEvent><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"gate\"/><eventBasedGateway id=\"gate\"/><sequenceFlow id=\"f2\" sourceRef=\"gate\" targetRef=\"reply\"/><sequenceFlow id=\"f3\" sourceRef=\"gate\" targetRef=\"timeout\"/><intermediateCatchEvent id=\"reply\"><extensionElements><sb:match field=\"tag\" value=\"bench-reply\"/></extensionElements><messageEventDefinition messageRef=\"replyMessage\"/></intermediateCatchEvent><intermediateCatchEvent id=\"timeout\"><timerEventDefinition><timeDuration>P30D</timeDuration></timerEventDefinition></intermediateCatchEvent><sequenceFlow id=\"f4\" sourceRef=\"reply\" targetRef=\"act\"/>$STEP<sequenceFlow id=\"f5\" sourceRef=\"act\" targetRef=\"end\"/><sequenceFlow id=\"f6\" sourceRef=\"timeout\" targetRef=\"end\"/><endEvent id=\"end\"/></process></definitions>"
echo "3. $WAITING runs waiting for their contact's reply"
bulk '"action": "addTags", "options": {"tags": ["bench-wait"]}' grp-wait
await "runs waiting" "SELECT count(*) FROM act_ru_event_subscr WHERE event_name_ = 'contact.tag_added' AND proc_def_id_ LIKE 'bench-wait:%'" "$WAITING" 3600
drain
if [ "$PAD_WAITING_TO" -gt "$WAITING" ]; then
  # the engine's tables as 100,000 waiting runs would make them, without starting them all: copies of one
  # waiting run's instance and subscription under new ids and other business keys (no job, no variable)
  echo "   padding to $PAD_WAITING_TO waiting runs: $((PAD_WAITING_TO - WAITING)) copies of one run's execution and subscription rows"
  sql "CREATE TEMP TABLE pad AS SELECT gen_random_uuid()::text AS id, gen_random_uuid()::text AS sub, gen_random_uuid()::text AS key
         FROM generate_series(1, $((PAD_WAITING_TO - WAITING)));
       INSERT INTO act_ru_execution SELECT (jsonb_populate_record(NULL::act_ru_execution, to_jsonb(e)
           || jsonb_build_object('id_', p.id, 'proc_inst_id_', p.id, 'root_proc_inst_id_', p.id, 'business_key_', p.key))).*
         FROM pad p, (SELECT * FROM act_ru_execution WHERE parent_id_ IS NULL AND proc_def_id_ LIKE 'bench-wait:%' LIMIT 1) e;
       INSERT INTO act_ru_event_subscr SELECT (jsonb_populate_record(NULL::act_ru_event_subscr, to_jsonb(s)
           || jsonb_build_object('id_', p.sub, 'execution_id_', p.id, 'proc_inst_id_', p.id))).*
         FROM pad p, (SELECT * FROM act_ru_event_subscr WHERE event_name_ = 'contact.tag_added' AND proc_def_id_ LIKE 'bench-wait:%' LIMIT 1) s" > /dev/null
fi
sql "ANALYZE act_ru_execution" > /dev/null; sql "ANALYZE act_ru_event_subscr" > /dev/null
SUBSCRIBED=$(sql "SELECT count(*) FROM act_ru_event_subscr WHERE event_name_ = 'contact.tag_added' AND proc_def_id_ LIKE 'bench-wait:%'")
CONTACTS=$(sql "SELECT id FROM contact WHERE location_id = '$LOCATION' AND email LIKE 'w%@bench.test' ORDER BY random() LIMIT $SAMPLES")
: > "$WORK/lookup"
for CONTACT in $CONTACTS; do
  "${PSQL[@]}" -c "EXPLAIN (ANALYZE, FORMAT TEXT) SELECT s.execution_id_, s.proc_inst_id_, s.proc_def_id_, s.activity_id_
      FROM act_ru_execution p JOIN act_ru_event_subscr s ON s.proc_inst_id_ = p.id_
      WHERE p.business_key_ = '$CONTACT' AND p.parent_id_ IS NULL AND p.tenant_id_ = '$LOCATION'
        AND s.event_type_ = 'message' AND s.event_name_ = 'contact.tag_added' AND s.tenant_id_ = '$LOCATION'
      ORDER BY s.created_ LIMIT 100" > "$WORK/plan"
  grep -o 'Execution Time: [0-9.]*' "$WORK/plan" | awk '{print $3}' >> "$WORK/lookup"
done
sort -n "$WORK/lookup" | awk '{ t[NR] = $1 } END { printf "   lookup of a contact'"'"'s waiting runs among %d: median %.3f ms, max %.3f ms\n", '"$SUBSCRIBED"', t[int((NR + 1) / 2)], t[NR] }'
grep -E 'Index|Seq Scan' "$WORK/plan" | sed 's/^ */     plan: /' | head -4
for CONTACT in $CONTACTS; do
  api "contacts/$CONTACT/tags" -H 'Content-Type: application/json' -d '{"tag":"bench-reply"}' > /dev/null
  await "reply of $CONTACT handled" "SELECT count(*) FROM action_execution a JOIN workflow_run r ON r.id = a.run_id WHERE r.workflow_key = 'bench-wait' AND r.contact_id = '$CONTACT' AND a.status = 'COMPLETED'" 1 60
done
IDS=$(echo "$CONTACTS" | awk '{ printf "%s'"'"'%s'"'"'", (NR > 1 ? "," : ""), $1 }')
sql "WITH e AS (SELECT payload->>'contactId' AS contact, occurred_at FROM domain_event WHERE type = 'contact.tag_added' AND payload->>'tag' = 'bench-reply'),
     s AS (SELECT a.created_at - e.occurred_at AS entered, a.finished_at - e.occurred_at AS made FROM e
           JOIN workflow_run r ON r.contact_id = e.contact AND r.workflow_key = 'bench-wait'
           JOIN action_execution a ON a.run_id = r.id WHERE e.contact IN ($IDS))
     SELECT count(*), extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY entered)) * 1000, extract(epoch FROM max(entered)) * 1000,
            extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY made)) * 1000, extract(epoch FROM max(made)) * 1000 FROM s" |
  awk -F'|' '{ printf "   %d replies, one at a time: reply event to the next step entered median %.0f ms (max %.0f), to the step made median %.0f ms (max %.0f)\n", $1, $2, $3, $4, $5 }'
