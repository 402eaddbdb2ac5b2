#!/usr/bin/env bash
# Hot swap under load on this machine: starts the platform as the tests do (`java -jar switchboard.jar`,
# fresh embedded PostgreSQL), then, for an OSGi and then a PF4J echo plugin, drives action executions
# (a workflow of echo steps per contact created) while the plugin is upgraded and rolled back; counts
# failed steps and times each swap, after an unmeasured warm-up of the same load (bench/PluginHotSwap.java).
# Prints Markdown for docs/benchmarks.md, with the CPU time (platform and PostgreSQL) per action execution.
#
# Usage: bench/plugin-hot-swap.sh [executions/s=200] [steps per run=5] [upgrade+rollback cycles=20]
#        (after ./mvnw -q package -DskipTests)
# Needs: java 17+. The test classes and their class path are built by Maven here.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rate=${1:-200}
tasks=${2:-5}
swaps=${3:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root" && ./mvnw -q -B -pl platform/acceptance -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test -Dskip.npm=true) > "$work/maven.log" 2>&1 \
  || { cat "$work/maven.log"; exit 1; }
classpath="$root/platform/acceptance/target/test-classes:$(cat "$root/platform/acceptance/target/test-classpath.txt")"
if ! java -cp "$classpath" "$root/bench/PluginHotSwap.java" "$root/platform/launcher/target/switchboard.jar" "$work" \
  "$rate" "$tasks" "$swaps"; then
  cp "$work"/platform-*/platform.log "${TMPDIR:-/tmp}/plugin-hot-swap-platform.log" 2>/dev/null \
    && echo "platform log: ${TMPDIR:-/tmp}/plugin-hot-swap-platform.log" >&2
  exit 1
fi
