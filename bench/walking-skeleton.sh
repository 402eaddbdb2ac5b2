#!/usr/bin/env bash
# Measures the walking skeleton on this machine: time from `java -jar switchboard.jar` to ready
# (first start with a fresh embedded PostgreSQL, then a restart on the same data), resident memory
# of the server after the email scenario, and the time of a plugin update (hot swap) through the API.
#
# Usage: bench/walking-skeleton.sh [swaps]     (after ./mvnw -q package -DskipTests)
# Needs: curl, python3, ps. Prints a Markdown table row set for docs/benchmarks.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
swaps=${1:-20}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
smtp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
api="http://localhost:$port/api/v1"
plugin_v1="$root/plugins/email/target/switchboard-plugin-email-0.1.0-SNAPSHOT.jar"
plugin_v2="$root/plugins/email/target/switchboard-plugin-email-0.1.0-SNAPSHOT-v2.jar"
greenmail=$(ls "$HOME"/.m2/repository/com/icegreen/greenmail-standalone/2.1.13/greenmail-standalone-2.1.13.jar 2>/dev/null || true)
if [ -z "$greenmail" ]; then
  (cd "$root" && ./mvnw -q dependency:get -Dartifact=com.icegreen:greenmail-standalone:2.1.13 -Dtransitive=false)
  greenmail="$HOME/.m2/repository/com/icegreen/greenmail-standalone/2.1.13/greenmail-standalone-2.1.13.jar"
fi

cleanup() {
  [ -n "${launcher:-}" ] && kill "$launcher" 2>/dev/null && wait "$launcher" 2>/dev/null || true
  [ -n "${smtp:-}" ] && kill "$smtp" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" -Dgreenmail.auth.disabled \
  -jar "$greenmail" > "$work/greenmail.log" 2>&1 &
smtp=$!

now_ms() { date +%s%3N; }
start_platform() {
  local started
  started=$(now_ms)
  # the jars built here are unsigned: the benchmark's throw-away platform takes them (development setting)
  (cd "$work" && SWITCHBOARD_PORT=$port SWITCHBOARD_BOOTSTRAP_ADMIN_PASSWORD=bench-password \
    SWITCHBOARD_PLUGINS_ALLOW_UNSIGNED=true \
    exec java -jar "$root/platform/launcher/target/switchboard.jar" >> "$work/platform.log" 2>&1) &
  launcher=$!
  until curl -sf "$api/health" > /dev/null; do sleep 0.1; done
  boot_ms=$(( $(now_ms) - started ))
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

start_platform
first_boot=$boot_ms
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@localhost","password":"bench-password"}' | json 'd["token"]')
auth="Authorization: Bearer $token"
location=$(curl -sf "$api/me" -H "$auth" | json 'd["locations"][0]["id"]')
# Angus Mail's file and reflection calls need the operator's trust in the plugin's code
curl -sf -X PUT "$api/platform/trusted-plugins/dev.switchboard.plugins.email" -H "$auth" > /dev/null
curl -sf "$api/plugins" -H "$auth" -H 'Content-Type: application/java-archive' --data-binary @"$plugin_v1" > /dev/null
curl -sf -X PUT "$api/locations/$location/plugins/dev.switchboard.plugins.email/settings" -H "$auth" \
  -H 'Content-Type: application/json' -d "{\"host\":\"127.0.0.1\",\"port\":$smtp_port,\"from\":\"bench@agency.test\"}" > /dev/null
curl -sf "$api/locations/$location/workflows" -H "$auth" -H 'Content-Type: application/xml' \
  --data-binary @"$root/bpmn/templates/welcome-new-lead.bpmn20.xml" > /dev/null
for i in $(seq 1 20); do
  contact=$(curl -sf "$api/locations/$location/contacts" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"firstName\":\"Lead$i\",\"email\":\"lead$i@example.com\"}" | json 'd["id"]')
  curl -sf "$api/locations/$location/contacts/$contact/tags" -H "$auth" -H 'Content-Type: application/json' \
    -d '{"tag":"lead"}' > /dev/null
done
until [ "$(curl -sf "$api/locations/$location/workflow-runs?limit=100" -H "$auth" \
  | json 'sum(1 for r in d if r["state"]=="COMPLETED")')" -ge 20 ]; do sleep 0.2; done
server_pid=$(pgrep -f "payara-micro.jar.*--port $port" | head -1)
rss_mb=$(( $(ps -o rss= -p "$server_pid") / 1024 ))

swap_times=()
for i in $(seq 1 "$swaps"); do
  jar=$([ $((i % 2)) -eq 1 ] && echo "$plugin_v2" || echo "$plugin_v1")
  t=$(curl -sf -o /dev/null -w '%{time_total}' "$api/plugins" -H "$auth" \
    -H 'Content-Type: application/java-archive' --data-binary @"$jar")
  swap_times+=("$t")
done
swap_stats=$(printf '%s\n' "${swap_times[@]}" | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f"median {statistics.median(t):.0f} ms, min {t[0]:.0f} ms, max {t[-1]:.0f} ms over {len(t)}")')

kill "$launcher"; wait "$launcher" 2>/dev/null || true
start_platform
restart_boot=$boot_ms

echo "| first start to ready (fresh embedded PostgreSQL, migrations, Flowable schema) | $first_boot ms |"
echo "| restart to ready (same data, plugin re-installed from the store) | $restart_boot ms |"
echo "| resident memory of the server after 20 scenario runs | $rss_mb MB |"
echo "| plugin update through the API (upload, Bundle.update, refresh, start, store) | $swap_stats |"
