#!/usr/bin/env bash
# The CRM API under load on this machine: starts the platform with `java -jar switchboard.jar` on a
# fresh embedded PostgreSQL, creates contacts through the API (default 100,000, 8 in flight), then
# times get, patch, search and list samples (bench/crm-api.mjs). Prints Markdown for docs/benchmarks.md.
#
# Usage: bench/crm-api.sh [contacts] [concurrency]     (after ./mvnw -q package -DskipTests)
# Needs: curl, python3, node.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
contacts=${1:-100000}
concurrency=${2:-8}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
api="http://localhost:$port/api/v1"
cleanup() {
  [ -n "${launcher:-}" ] && kill "$launcher" 2>/dev/null && wait "$launcher" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && SWITCHBOARD_PORT=$port SWITCHBOARD_BOOTSTRAP_ADMIN_PASSWORD=bench-password \
  exec java -jar "$root/platform/launcher/target/switchboard.jar" >> "$work/platform.log" 2>&1) &
launcher=$!
until curl -sf "$api/health" > /dev/null; do sleep 0.2; done
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@localhost","password":"bench-password"}' | json 'd["token"]')
location=$(curl -sf "$api/me" -H "Authorization: Bearer $token" | json 'd["locations"][0]["id"]')
# the default policy matches on email; every contact of the run has its own
node "$root/bench/crm-api.mjs" "$api" "$token" "$location" "$contacts" "$concurrency"
